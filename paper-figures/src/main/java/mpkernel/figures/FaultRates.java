package mpkernel.figures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import mpkernel.results.BadResultFile;
import mpkernel.results.CsvFile;
import mpkernel.results.Provenance;

/**
 * Reads the pace of the fault campaigns: every {@code faults-*.csv} that {@link FaultResults}
 * reads, and those of {@link ResultsFolder#NATIVE_PKU} (the campaigns of a machine with real
 * PKU, kept apart from the rest), each file on its own: a shard is a process of its own with its
 * own workers, so its pace is its own too. What a file needs: its {@code jobs} in the provenance
 * and a {@code millis} cell (the trial's wall time) in every row. Files written before
 * {@code ./mpk faults} recorded its jobs are left out and named; a {@code millis} cell that is
 * not a time is a {@link BadResultFile}.
 */
final class FaultRates {

    /**
     * One campaign file's pace.
     *
     * @param origin the file
     * @param backend the backend it ran
     * @param place where it ran
     * @param rate its estimated trials per minute
     */
    record Campaign(ResultFile origin, String backend, CampaignPlace place, TrialRate rate) {
    }

    /**
     * A campaign file with trials whose pace cannot be estimated.
     *
     * @param origin the file
     * @param why what it lacks, e.g. {@code no jobs recorded}
     */
    record LeftOut(ResultFile origin, String why) {
    }

    /**
     * What the files give.
     *
     * @param campaigns the files with a pace, by backend ({@link Backends#ORDERING}), place, date and name
     * @param leftOut the files with trials but no pace, in the order read
     * @param withTrials how many files had a trial, both kinds together
     */
    record Reading(List<Campaign> campaigns, List<LeftOut> leftOut, int withTrials) {

        Reading {
            campaigns = List.copyOf(campaigns);
            leftOut = List.copyOf(leftOut);
        }
    }

    private static final String MILLIS = "millis";
    private static final String JOBS = "jobs";
    private static final String GUESTS = "guests";

    private FaultRates() {
    }

    /** The campaigns of {@code results} and of its {@link ResultsFolder#NATIVE_PKU} folder that it admits and that have a trial. */
    static Reading read(ResultsFolder results) throws BadResultFile {
        List<Path> files = new ArrayList<>(results.list(FaultResults::named));
        files.addAll(results.listIn(ResultsFolder.NATIVE_PKU, FaultResults::named));
        List<Campaign> campaigns = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        int withTrials = 0;
        for (Path file : files) {
            CsvFile csv = CsvFile.read(file);
            Provenance p = csv.provenance();
            ResultFile origin = results.origin(file, p, p.quickCommand());
            if (!results.admits(origin) || csv.rows().isEmpty()) {
                continue;
            }
            withTrials++;
            String backend = FaultResults.backend(file, p);
            if (!csv.columns().contains(MILLIS)) {
                leftOut.add(new LeftOut(origin, "no millis column (trial times)"));
                continue;
            }
            if (p.get(JOBS).equals("unknown")) {
                leftOut.add(new LeftOut(origin, "no jobs recorded"));
                continue;
            }
            List<Double> millis = millis(csv);
            double mean = millis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (!(mean > 0)) {
                leftOut.add(new LeftOut(origin, "every trial took 0 ms"));
                continue;
            }
            campaigns.add(new Campaign(origin, backend, CampaignPlace.of(p), TrialRate.of(jobs(file, p), millis)));
        }
        campaigns.sort(Comparator.comparing(Campaign::backend, Backends.ORDERING).thenComparing(Campaign::place)
                .thenComparing(c -> c.origin().provenance().instant()).thenComparing(c -> c.origin().shown()));
        return new Reading(campaigns, leftOut, withTrials);
    }

    /** Each row's wall time; a row without one is a {@link BadResultFile} listing the rows by line. */
    private static List<Double> millis(CsvFile csv) throws BadResultFile {
        List<Double> millis = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            double ms = row.number(MILLIS);
            if (Double.isNaN(ms) || ms < 0 || Double.isInfinite(ms)) {
                bad.add(row.line());
            } else {
                millis.add(ms);
            }
        }
        if (!bad.isEmpty()) {
            throw BadResultFile.rows(csv.file(), bad, "a trial's millis must be its wall time in milliseconds, 0 or more");
        }
        return millis;
    }

    /**
     * The trials that ran at once: {@code jobs}, times {@code guests} for a campaign that
     * {@code ./mpk faults --qemu --guests G} merged from G guests run side by side (each shard
     * records the jobs of its own guest).
     */
    private static int jobs(Path file, Provenance p) throws BadResultFile {
        String jobs = p.get(JOBS);
        String guests = p.find(GUESTS).orElse("1");
        try {
            int n = Integer.parseInt(jobs) * Integer.parseInt(guests);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new BadResultFile(file, "jobs is '" + jobs + "' and guests '" + guests + "', not counts of 1 or more");
    }
}
