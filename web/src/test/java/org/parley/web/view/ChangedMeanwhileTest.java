package org.parley.web.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class ChangedMeanwhileTest {

    @Test
    void aLostSaveIsFoundUnderTheContainersWrapping() {
        EJBTransactionRolledbackException thrown = new EJBTransactionRolledbackException("commit failed",
                new RuntimeException("rolled back", new OptimisticLockException("the row changed")));

        assertTrue(ChangedMeanwhile.changedMeanwhile(thrown));
    }

    @Test
    void anyOtherFailureIsLeftToTheNextHandler() {
        assertFalse(ChangedMeanwhile.changedMeanwhile(new EJBTransactionRolledbackException("commit failed",
                new PersistenceException("the disk is full"))));
        assertFalse(ChangedMeanwhile.changedMeanwhile(new IllegalStateException("a bug")));
    }
}
