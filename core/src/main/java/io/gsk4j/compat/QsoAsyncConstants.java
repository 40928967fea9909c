package io.gsk4j.compat;

/**
 * The numbers of qsoasync.h that the secure asynchronous calls use, in one place.
 *
 * <p>The {@code operationCompleted} values are <b>unverified</b>: IBM's pages name the
 * constants but no public source gives their numbers. A program that compares against the
 * names (as every IBM example does) is unaffected; only a program that stored raw numbers
 * would notice a correction here.
 */
public interface QsoAsyncConstants {
    // ---- operationCompleted (unverified numbers) ----
    int QSOSTARTRECV = 1;
    int QSOSTARTSEND = 2;
    int QSOSTARTACCEPT = 3;
    int QSOPOSTIOCOMPLETION = 4;
    int GSKSECURESOCSTARTINIT = 5;
    int GSKSECURESOCSTARTRECV = 6;
    int GSKSECURESOCSTARTSEND = 7;
}
