package io.opsflow.engine;

import java.util.Calendar;
import java.util.Date;
import java.util.TimeZone;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationBusinessCalendar;
import org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager;
import org.flowable.common.engine.impl.runtime.ClockReader;
import org.flowable.engine.ProcessEngine;
import org.flowable.idm.spring.SpringIdmEngineConfiguration;
import org.flowable.idm.spring.authentication.SpringEncoder;
import org.flowable.job.service.JobHandler;
import org.flowable.job.service.impl.asyncexecutor.AbstractAsyncExecutor;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.spring.boot.process.Process;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncListenableTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Opsflow's settings on top of Flowable's Spring Boot auto-configuration. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> opsflowEngineConfigurer(
            EngineProperties properties, NodeIdentity node, ObjectProvider<JobHandler> jobHandlers) {
        return config -> {
            // New jobs beyond what the local queue takes stay unlocked for any node (decision 0066).
            config.setJobManager(new HandOffWithinCapacity());
            // Modules contribute job types (e.g. messaging's delivery job) as JobHandler beans.
            jobHandlers.orderedStream().forEach(config::addCustomJobHandler);
            var jobs = config.getAsyncExecutor() instanceof AbstractAsyncExecutor executor
                    ? executor.getConfiguration()
                    : config.getAsyncExecutorConfiguration();
            jobs.setLockOwner(node.id());
            jobs.setAsyncJobLockTime(properties.jobLockTime());
            jobs.setTimerLockTime(properties.jobLockTime());
            jobs.setResetExpiredJobsInterval(properties.resetExpiredJobsInterval());
            // With several nodes, one acquires at a time instead of all racing for the same job rows.
            jobs.setGlobalAcquireLockEnabled(properties.globalAcquireLock());
            // Release this node's locks on graceful shutdown so other nodes continue at once.
            jobs.setUnlockOwnedJobs(true);
            // Tries per async job without a retry cycle of its own (fault row 5: conflicts at a join use up tries).
            config.setAsyncExecutorNumberOfRetries(properties.asyncJobRetries());
            config.setEnableSafeBpmnXml(true);
            // Timer cycles catch up once after missed repetitions (decision 0013); the clock is created later in init.
            ClockReader clock = new EngineClock(config);
            var calendars = new MapBusinessCalendarManager();
            calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar(clock));
            calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar(clock));
            calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CatchUpOnceCycleCalendar(clock));
            config.setBusinessCalendarManager(calendars);
        };
    }

    /**
     * Async job acquisition that acquires again as soon as the queue has room while work is waiting,
     * instead of sleeping Flowable's full wait (decision 0079). Installed after the engine is built and
     * before the context starts its executors.
     */
    @Bean
    SmartInitializingSingleton queueRoomAcquisition(ProcessEngine engine) {
        return () -> QueueRoomAcquisition.install(engine.getProcessEngineConfiguration().getAsyncExecutor());
    }

    /** BCrypt for every password; Flowable IDM would otherwise store them in plain text. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    EngineConfigurationConfigurer<SpringIdmEngineConfiguration> idmPasswordEncoderConfigurer(PasswordEncoder encoder) {
        return idm -> idm.setPasswordEncoder(new SpringEncoder(encoder));
    }

    /**
     * A bounded pool of the job executor's own, instead of Spring's shared application executor
     * (which web requests and @Async work would otherwise compete for).
     */
    @Bean
    @Process
    AsyncListenableTaskExecutor processTaskExecutor(EngineProperties properties) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("opsflow-job-");
        executor.setCorePoolSize(properties.jobThreads());
        executor.setMaxPoolSize(properties.jobThreads());
        executor.setQueueCapacity(properties.jobThreads() * 16);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }

    /** The engine's clock (a test may set it), looked up at each use because the engine creates it during its init. */
    private record EngineClock(SpringProcessEngineConfiguration config) implements ClockReader {
        @Override
        public Date getCurrentTime() {
            return config.getClock().getCurrentTime();
        }

        @Override
        public Calendar getCurrentCalendar() {
            return config.getClock().getCurrentCalendar();
        }

        @Override
        public Calendar getCurrentCalendar(TimeZone timeZone) {
            return config.getClock().getCurrentCalendar(timeZone);
        }

        @Override
        public TimeZone getCurrentTimeZone() {
            return config.getClock().getCurrentTimeZone();
        }
    }
}
