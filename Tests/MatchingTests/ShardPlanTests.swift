import Matching
import Testing

/// Sharing a comparison's scenarios out among the tasks of a job array, and
/// putting the parts back together.
@Suite struct ShardPlanTests {
    @Test("I/N as typed, and a job array's index and count from the environment")
    func parsing() throws {
        #expect(try ShardPlan(parsing: "2/4") == ShardPlan(index: 2, count: 4))
        #expect(throws: ShardError.self) { try ShardPlan(parsing: "4/4") }
        #expect(throws: ShardError.self) { try ShardPlan(parsing: "1of4") }
        #expect(throws: ShardError.self) { try ShardPlan(parsing: "0/0") }
        let slurm = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"]
        #expect(try ShardPlan(environment: slurm) == ShardPlan(index: 3, count: 4))
        // Re-running some shards alone: the array is smaller, the count is not.
        let rerun = ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "2", "TANDEM_SHARD_COUNT": "8"]
        #expect(try ShardPlan(environment: rerun) == ShardPlan(index: 3, count: 8))
        let kubernetes = ["JOB_COMPLETION_INDEX": "5", "TANDEM_SHARD_COUNT": "8"]
        #expect(try ShardPlan(environment: kubernetes) == ShardPlan(index: 5, count: 8))
        do {
            _ = try ShardPlan(environment: ["JOB_COMPLETION_INDEX": "5"])
            Issue.record("an Indexed Job without a count was accepted")
        } catch {
            #expect(error.description.contains("TANDEM_SHARD_COUNT"))
        }
        #expect(throws: ShardError.self) { try ShardPlan(environment: [:]) }
    }

    @Test("Every scenario belongs to exactly one shard, by its name alone, so adding one moves no other")
    func stable() throws {
        let names = (1...200).map { "scenario \($0)" }
        for count in [1, 2, 3, 7] {
            let plans = try (0..<count).map { try ShardPlan(index: $0, count: count) }
            for name in names { #expect(plans.filter { $0.owns(name) }.count == 1) }
            #expect(plans.filter(\.ownsPrices).count == 1 && plans.filter(\.ownsBaselineRound).count == 1)
        }
        // The assignment is a fixed function of the name, the same on every
        // machine (Python: int(sha256(name).hexdigest()[:16], 16) % 4).
        #expect(names.prefix(8).map { ShardPlan.shard(of: $0, count: 4) } == [3, 2, 3, 2, 3, 1, 1, 2])
    }
}
