package io.opsflow.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongPasswordWithoutTheUserName() {
        assertThat(PasswordPolicy.problemWith("lily", "tide-lamp-orchard")).isEmpty();
        assertThat(PasswordPolicy.problemWith("lily", "电工师傅的新密码很长")).isEmpty();
    }

    @Test
    void refusesShortPasswords() {
        assertThat(PasswordPolicy.problemWith("lily", "abc-12345")).contains("Use at least 10 characters.");
        assertThat(PasswordPolicy.problemWith("lily", "")).contains("Enter a password.");
        assertThat(PasswordPolicy.problemWith("lily", null)).contains("Enter a password.");
    }

    @Test
    void refusesWhatBcryptWouldCutOff() {
        assertThat(PasswordPolicy.problemWith("lily", "a1b2c3d4e5".repeat(8))).get().asString().contains("at most 72 bytes");
        assertThat(PasswordPolicy.problemWith("lily", "长".repeat(25))).get().asString().contains("at most 72 bytes");
    }

    @Test
    void refusesTheUserNameRepetitionAndCommonPasswords() {
        assertThat(PasswordPolicy.problemWith("wang.wei", "my-WANG.WEI-pass")).contains("Don't put the user name in the password.");
        assertThat(PasswordPolicy.problemWith("lily", "aaaaabbbbbaaaa")).contains("Use more different characters.");
        assertThat(PasswordPolicy.problemWith("lily", "Password123")).get().asString().contains("too common");
    }
}
