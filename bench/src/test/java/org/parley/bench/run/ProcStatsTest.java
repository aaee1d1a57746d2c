package org.parley.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void cpuTicksAreUtimePlusStimeEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (java (payara) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 190 0 "
                + "12345 4000000000 120000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertEquals(1234 + 567, ProcStats.cpuTicks(stat));
    }

    @Test
    void theWaitedForChildrensCpuIsCutimePlusCstime() {
        String stat = "77 (java) S 1 77 77 0 -1 4194560 100 0 0 0 1234 567 300 45 20 0 19 0 12345 400 120 1";
        assertEquals(300 + 45, ProcStats.childrenCpuTicks(stat));
    }

    @Test
    void vmRssIsReadInKiB() {
        assertEquals(461_240, ProcStats.vmRssKiB("Name:\tjava\nVmPeak:\t  9999 kB\nVmRSS:\t  461240 kB\nThreads: 190\n"));
    }

    @Test
    void listeningSocketsOfThePortAreFoundByTheirInode() {
        String table = """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 51234 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:1F90 0100007F:D431 01 00000000:00000000 00:00000000 00000000     0        0 51299 1 0000000000000000 20 4 30 10 -1
                   2: 0100007F:1A0C 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 51300 1 0000000000000000 100 0 0 10 0
                """;
        assertEquals(Set.of("51234"), ProcStats.listeningInodes(table, 8080));
    }

    @Test
    void theLiveHeapIsTheUsedSizeOfEverySpace() {
        String jstat = """
                 S0C    S1C    S0U    S1U      EC       EU        OC         OU       MC     MU    CCSC   CCSU   YGC     YGCT    FGC    FGCT     CGC    CGCT     GCT
                 0.0   2048.0  0.0   1024.5 174080.0  4096.0   348160.0   102400.0  150000.0 148000.0 20000.0 19000.0     12    0.100   2      0.300     -          -    0.400
                """;
        assertEquals(Math.round(1024.5 + 4096 + 102400), Heap.usedKiB(jstat));
    }
}
