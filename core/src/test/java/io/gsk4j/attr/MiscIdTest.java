package io.gsk4j.attr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MiscIdTest {

    @Test
    void ibmPageNumbersWin() {
        assertEquals(100, MiscId.GSK_RESET_CIPHER.id());
        assertEquals(101, MiscId.GSK_RESET_SESSION.id());
        // the header copy has these two swapped
        assertEquals(102, MiscId.GSK_CLOSE_NOTIFY.id());
        assertEquals(103, MiscId.GSK_RESET_CIPHER_WITHNEWSESSION.id());
        assertEquals(MiscId.GSK_CLOSE_NOTIFY, MiscId.fromId(102).orElseThrow());
        assertTrue(MiscId.fromId(104).isEmpty());
    }
}
