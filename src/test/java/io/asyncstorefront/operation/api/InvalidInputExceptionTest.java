package io.asyncstorefront.operation.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.asyncstorefront.error.ErrorCode;

/** Argument paths alone: a problem keeps its path apart from what is wrong, so callers rename the path, not text. */
class InvalidInputExceptionTest {

    @Test
    void theMessageIsThePathThenTheProblemAndThePathIsTheArgument() {
        InvalidInputException twice = InvalidInputException.of("input[1].sku", ": lamp appears more than once");

        assertThat(twice.getMessage()).isEqualTo("input[1].sku: lamp appears more than once");
        assertThat(twice.argument()).isEqualTo("input[1].sku");
        assertThat(twice.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
    }

    @Test
    void aRenamedProblemKeepsItsCodeLimitAndWords() {
        InvalidInputException tooMany = InvalidInputException.tooMany("input[0].items", 100,
                " has 101 entries; a cart input takes at most 100");

        InvalidInputException ofAStep = tooMany.renamed(path -> path.replaceFirst("^input\\[0]\\.", ""));

        assertThat(ofAStep.getMessage()).isEqualTo("items has 101 entries; a cart input takes at most 100");
        assertThat(ofAStep.argument()).isEqualTo("items");
        assertThat(ofAStep.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(ofAStep.limit()).isEqualTo(100);
    }

    @Test
    void withinAnEntryThePathGrowsAndWithinAGroupTheMessageIsPrefixed() {
        InvalidInputException twice = InvalidInputException.of("skus[1]", ": a appears more than once");

        InvalidInputException inEntry = twice.within("input[0].");
        assertThat(inEntry.getMessage()).isEqualTo("input[0].skus[1]: a appears more than once");
        assertThat(inEntry.argument()).isEqualTo("input[0].skus[1]");

        InvalidInputException inGroup = twice.within("second.remove: ");
        assertThat(inGroup.getMessage()).isEqualTo("second.remove: skus[1]: a appears more than once");
        assertThat(inGroup.argument()).isEqualTo("skus[1]");
    }

    @Test
    void aLimitSaidInOtherWordsKeepsThemAndNamesItsArgument() {
        InvalidInputException overlong = InvalidInputException.beyondLimit("key", 255,
                "@idempotent(key:) has 256 characters; the maximum is 255");

        assertThat(overlong.getMessage()).isEqualTo("@idempotent(key:) has 256 characters; the maximum is 255");
        assertThat(overlong.argument()).isEqualTo("key");
        assertThat(overlong.limit()).isEqualTo(255);
        assertThat(overlong.renamed(path -> "other")).isSameAs(overlong);
    }

    @Test
    void aProblemWithoutAPathIsNotRenamed() {
        InvalidInputException free = new InvalidInputException("@idempotent(key:) must not be empty");

        assertThat(free.renamed(path -> "other")).isSameAs(free);
        assertThat(free.argument()).isNull();
    }
}
