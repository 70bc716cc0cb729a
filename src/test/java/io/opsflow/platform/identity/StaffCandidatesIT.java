package io.opsflow.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.platform.Groups;
import io.opsflow.platform.StaffSkills;
import io.opsflow.platform.TestUsers;
import io.opsflow.support.OpsflowIntegrationTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowable.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept rows of active staff by skill (decision 80) always equal what the source tables say
 * ({@link StaffSkills#activeStaffWithAll}), whichever fact changes and however it is changed.
 */
@OpsflowIntegrationTest
class StaffCandidatesIT {

    @Autowired StaffCandidates candidates;
    @Autowired StaffSkills staffSkills;
    @Autowired UserSkills userSkills;
    @Autowired Accounts accounts;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void followsSkillsMembershipAccountAndDeletion() {
        String wiring = TestUsers.uniqueId("电工");
        String pipes = TestUsers.uniqueId("水电");
        String worker = TestUsers.create(identityService, "worker", Groups.STAFF);
        String supervisor = TestUsers.create(identityService, "supervisor", Groups.SUPERVISOR);
        userSkills.replace(worker, List.of(wiring, pipes));
        userSkills.replace(supervisor, List.of(wiring));
        assertKeptEqualsSource(wiring, List.of(worker));
        assertKeptEqualsSource(pipes, List.of(worker));

        userSkills.replace(worker, List.of(pipes));
        assertKeptEqualsSource(wiring, List.of());
        assertKeptEqualsSource(pipes, List.of(worker));

        accounts.setDisabled(worker, true);
        assertKeptEqualsSource(pipes, List.of());
        accounts.setDisabled(worker, false);
        assertKeptEqualsSource(pipes, List.of(worker));

        identityService.deleteMembership(worker, Groups.STAFF);
        assertKeptEqualsSource(pipes, List.of());
        identityService.createMembership(worker, Groups.STAFF);
        identityService.createMembership(supervisor, Groups.STAFF);
        assertKeptEqualsSource(pipes, List.of(worker));
        assertKeptEqualsSource(wiring, List.of(supervisor));

        identityService.deleteUser(supervisor);
        assertKeptEqualsSource(wiring, List.of());
    }

    @Test
    void changesInOneTransactionAreWrittenWhenItCommitsAndNotAtAllWhenItRollsBack() {
        String skill = TestUsers.uniqueId("木工");
        String first = TestUsers.create(identityService, "first", Groups.STAFF);
        String second = TestUsers.create(identityService, "second", Groups.STAFF);
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            userSkills.replace(first, List.of(skill));
            userSkills.replace(second, List.of(skill));
            identityService.deleteMembership(second, Groups.STAFF);
            assertThat(kept(skill)).as("written at commit, not before").isEmpty();
        });
        assertKeptEqualsSource(skill, List.of(first));

        tx.executeWithoutResult(status -> {
            accounts.setDisabled(first, true);
            status.setRollbackOnly();
        });
        assertKeptEqualsSource(skill, List.of(first));
    }

    @Test
    void rebuildRepairsRowsChangedBehindThePlatformsBack() {
        String skill = TestUsers.uniqueId("泥瓦");
        String mason = TestUsers.create(identityService, "mason", Groups.STAFF);
        String tiler = TestUsers.create(identityService, "tiler", Groups.STAFF);
        userSkills.replace(mason, List.of(skill));
        userSkills.replace(tiler, List.of(skill));
        jdbc.sql("delete from app_user_skill where user_id = ?").param(mason).update();
        jdbc.sql("insert into app_staff (user_id, on_duty, time_zone, version) values (?, true, 'Asia/Shanghai', 1)").param(tiler).update();
        assertThat(kept(skill)).containsExactlyInAnyOrder(mason, tiler);

        assertThat(candidates.rebuildAll()).isGreaterThanOrEqualTo(3);

        assertKeptEqualsSource(skill, List.of(tiler));
        assertThat(jdbc.sql("select time_zone from app_staff_candidate where user_id = ?").param(tiler).query(String.class).list())
                .containsExactly("Asia/Shanghai");
        assertThat(candidates.rebuildAll()).as("the table now matches the sources").isZero();
    }

    /**
     * One transaction takes the person out of {@code staff} while another gives them their first skill;
     * both reach their commit together. Each sees only its own change, so without the lock row the second
     * would write the new skill's row of someone no longer in staff.
     */
    @Test
    void twoConcurrentChangesOfOnePersonEndInTheRowsOfBoth() throws Exception {
        String skill = TestUsers.uniqueId("空调");
        String worker = TestUsers.create(identityService, "both", Groups.STAFF);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch skillAdded = new CountDownLatch(1);

        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            identityService.deleteMembership(worker, Groups.STAFF);
            // Runs after this transaction's rows are written, before it commits: the other one is committing by then.
            onBeforeCommit(() -> await(skillAdded));
        }));
        CompletableFuture<Void> firstSkill = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            onBeforeCommit(skillAdded::countDown);
            userSkills.replace(worker, List.of(skill));
        }));
        CompletableFuture.allOf(removal, firstSkill).get(60, TimeUnit.SECONDS);

        assertKeptEqualsSource(skill, List.of());
        identityService.createMembership(worker, Groups.STAFF);
        assertKeptEqualsSource(skill, List.of(worker));
    }

    private void assertKeptEqualsSource(String skill, List<String> expected) {
        assertThat(staffSkills.activeStaffWithAll(List.of(skill))).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(kept(skill)).containsExactlyInAnyOrderElementsOf(expected);
    }

    private List<String> kept(String skill) {
        return jdbc.sql(StaffCandidates.withAllSql(1)).param(skill).query((rs, n) -> rs.getString("user_id")).list();
    }

    private static void onBeforeCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).as("the other transaction reached its commit").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
