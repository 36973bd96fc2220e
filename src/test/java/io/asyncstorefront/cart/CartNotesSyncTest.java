package io.asyncstorefront.cart;

import io.asyncstorefront.support.SyncMode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SyncMode.class)
class CartNotesSyncTest extends CartNotesTest {
}
