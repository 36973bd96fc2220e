package io.asyncstorefront.operation.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OperationIdentifiersTest {

    @Test
    void identifiersAreWellFormedAndNeverRepeat() {
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String identifier = OperationIdentifiers.next();
            assertTrue(OperationIdentifiers.isWellFormed(identifier), identifier);
            issued.add(identifier);
        }
        assertEquals(10_000, issued.size());
    }

    @Test
    void identifiersIssuedAMillisecondApartSortInTheOrderTheyWereIssued() throws InterruptedException {
        String earlier = OperationIdentifiers.next();
        Thread.sleep(2);
        String later = OperationIdentifiers.next();
        assertTrue(earlier.compareTo(later) < 0, earlier + " then " + later);
    }

    @Test
    void anIdentifierBeginsWithTheTimeOfIssueInMilliseconds() {
        long before = System.currentTimeMillis();
        String identifier = OperationIdentifiers.next();
        long issuedAt = Long.parseLong(identifier.substring(0, 12), 16);
        assertTrue(issuedAt >= before && issuedAt <= System.currentTimeMillis(), identifier);
    }
}
