/**
 * Platform: identity (users, groups and accounts in Flowable IDM), login and lockout, web and API
 * security, admin pages, error bodies and the demo data loaded into a new embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.opsflow.platform;
