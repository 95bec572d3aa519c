import Matching

// A small scheme: three mentors, four mentees, every field typed in code.
var policy = Policy()
policy.name = "Engineering mentoring, spring round"
policy.sameOrganisation = .forbid
var taxonomy = Taxonomy(policy.taxonomy)
guard let swift = taxonomy.topic("Swift"), let leadership = taxonomy.topic("leadership"),
    let writing = taxonomy.topic("technical writing")
else { fatalError("an open taxonomy takes every topic") }

let mentors = [
    Participant(
        mentor: "M1", name: "Ada Byron", organisation: "Analytical Engines",
        skills: [.init(topic: swift, level: 3), .init(topic: leadership, level: 2)], capacity: 2),
    Participant(
        mentor: "M2", name: "Grace Hopper", organisation: "Compilers Ltd",
        skills: [.init(topic: writing, level: 3), .init(topic: swift, level: 1)]),
    Participant(
        mentor: "M3", name: "Alan Turing", organisation: "Bletchley Works",
        skills: [.init(topic: leadership, level: 3)]),
]
let mentees = [
    Participant(
        mentee: "E1", name: "Ben Okafor", organisation: "Compilers Ltd",
        goals: [.init(topic: swift, rank: 1), .init(topic: writing, rank: 2)]),
    Participant(
        mentee: "E2", name: "Cleo Marsh", organisation: "Analytical Engines",
        goals: [.init(topic: leadership, rank: 1)]),
    Participant(
        mentee: "E3", name: "Dev Patel", organisation: "Bletchley Works",
        goals: [.init(topic: writing, rank: 1), .init(topic: swift, rank: 2)]),
    Participant(
        mentee: "E4", name: "Eve Nakamura", organisation: "Compilers Ltd",
        goals: [.init(topic: leadership, rank: 1), .init(topic: swift, rank: 2)]),
]

do {
    let cohort = try Cohort(policy: policy, taxonomy: taxonomy, mentors: mentors, mentees: mentees)
    // Ben accepted Ada in an earlier round: keep that pair.
    let spec = RoundSpec(cohort: cohort, locks: [Pairing(mentee: "E1", mentor: "M1")])
    let round = try await spec.run()
    print("\(policy.name): \(round.pairs.count) of \(mentees.count) mentees matched")
    for pair in round.result.pairs {
        let score = PointsFormat.string(units: Int64(pair.units), resolution: policy.resolution)
        print("  \(pair.mentee) with \(pair.mentor)  score \(score)\(pair.locked ? "  (kept)" : "")")
    }
    for entry in round.result.unmatched { print("  \(entry.mentee): \(entry.reason.sentence)") }
    print("certificate: \(round.result.certificate.optimal ? "optimal (verified)" : "FAILED")")
} catch {
    print(error)
}
