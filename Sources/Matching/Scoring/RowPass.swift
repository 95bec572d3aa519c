import _TandemUtilities

/// Runs a round's passes over every pair somewhere else: as parts over
/// blocks of mentees — separate processes, or a cluster's array tasks —
/// each reading its block's rows from the same cohort, whose results the
/// round merges in block order.
///
/// Scoring's pass and every pricing pass go through it
/// (``ScoredCohort/run(_:warnings:storage:passes:)``); they are the passes
/// that read rows in bulk, and each row's result depends on the row alone
/// (and, for pricing, on the duals the job carries). A runner returns, for
/// `n` blocks of its choosing, what ``RowPassJob/part(_:of:scores:)`` gives
/// for block `i` of `n`, for `i` in order; the answer is then the same, byte
/// for byte, as a round that ran every pass itself.
public protocol RowPassRunner: Sendable {
    /// Each block's part of the job, in block order.
    func run(_ job: RowPassJob) -> [[UInt8]]
}

/// Why a pass's job or part could not be used.
public enum RowPassError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a job or part of this version.
    case malformed(String)
    /// The job was made for a cohort of another size than the scores given.
    case otherCohort(mentees: Int, mentors: Int)

    public var description: String {
        switch self {
        case .malformed(let what): "the pass's bytes are malformed: it \(what)"
        case .otherCohort(let mentees, let mentors):
            "the pass was made for \(mentees) mentees and \(mentors) mentors, not these sign-ups"
        }
    }
}

/// One pass over every pair (scoring's) or over the rows pricing must read,
/// as bytes that another process can run a part of over the same cohort.
public struct RowPassJob: Sendable {
    /// What the pass does, for progress lines: "scoring every pair", "looking for better pairs (pass 2)".
    public let name: String
    /// The cohort's size.
    public let mentees: Int, mentors: Int
    /// How many rows the whole pass reads.
    public let rows: Int
    /// The job, as ``init(bytes:)`` reads it back.
    public let bytes: [UInt8]
    private let work: Work

    /// Whether this is scoring's pass (else a pricing pass).
    var isScoring: Bool {
        if case .scoring = work { true } else { false }
    }

    fileprivate enum Work {
        case scoring(places: [Int], minimum: Int64?)
        case pricing(_PricingJob)
    }

    private static let magic: UInt32 = 0x5450_4A31  // "TPJ1"

    fileprivate init(name: String, mentees: Int, mentors: Int, work: Work) {
        var writer = _PassBytesWriter()
        writer.append(Self.magic)
        writer.append(array: Array(name.utf8))
        writer.append(Int64(mentees))
        writer.append(Int64(mentors))
        switch work {
        case .scoring(let places, let minimum):
            writer.append(UInt8(0))
            writer.append(array: places.map(Int64.init))
            writer.append(UInt8(minimum == nil ? 0 : 1))
            writer.append(minimum ?? 0)
        case .pricing(let job):
            writer.append(UInt8(1))
            job.write(to: &writer)
        }
        self.name = name
        self.mentees = mentees
        self.mentors = mentors
        self.work = work
        bytes = writer.bytes
        rows =
            switch work {
            case .scoring: mentees
            case .pricing(let job): job.rows.count
            }
    }

    /// A job written by another process (``bytes``).
    public init(bytes: [UInt8]) throws(RowPassError) {
        var reader = _PassBytesReader(bytes)
        guard try reader.read(UInt32.self) == Self.magic else { throw .malformed("is not a Tandem pass") }
        let name = String(decoding: try reader.readArray(UInt8.self), as: UTF8.self)
        let mentees = try reader.read(Int64.self), mentors = try reader.read(Int64.self)
        guard (0...Int64(Int32.max)).contains(mentees), (0...Int64(Int32.max)).contains(mentors) else {
            throw .malformed("names an impossible cohort")
        }
        let work: Work
        switch try reader.read(UInt8.self) {
        case 0:
            let places = try reader.readArray(Int64.self)
            let hasMinimum = try reader.read(UInt8.self), minimum = try reader.read(Int64.self)
            guard places.count == mentors, places.allSatisfy({ (0...Int64(Participant.maximumCapacity)).contains($0) })
            else {
                throw .malformed("holds inconsistent places")
            }
            work = .scoring(places: places.map(Int.init), minimum: hasMinimum == 0 ? nil : minimum)
        case 1:
            work = .pricing(try _PricingJob(from: &reader, mentees: Int(mentees), mentors: Int(mentors)))
        default:
            throw .malformed("is a pass of an unknown kind")
        }
        guard reader.isAtEnd else { throw .malformed("holds more than a pass") }
        self.init(name: name, mentees: Int(mentees), mentors: Int(mentors), work: work)
    }

    /// The mentees of block `index` of `count`: blocks of equal size (±1), in order.
    public static func block(_ index: Int, of count: Int, mentees: Int) -> Range<Int> {
        mentees * index / count..<mentees * (index + 1) / count
    }

    /// Runs the job over block `index` of `count` of the mentees and returns
    /// the part for the round to merge.
    ///
    /// - Throws: ``RowPassError/otherCohort(mentees:mentors:)`` when `scores`
    ///   are not of a cohort the size the job was made for.
    public func part(_ index: Int, of count: Int, scores: any ScoreSource) throws(RowPassError) -> [UInt8] {
        try part(index, of: count, scores: scores, keyBounds: nil)
    }

    /// ``part(_:of:scores:)``, a scoring part starting its mentors' lists
    /// from `keyBounds` and raising them when done (the parts of one process).
    func part(
        _ index: Int, of count: Int, scores: any ScoreSource, keyBounds: _MentorKeyBounds?
    ) throws(RowPassError) -> [UInt8] {
        precondition(count > 0 && (0..<count).contains(index), "block \(index) of \(count)")
        guard scores.mentees == mentees, scores.mentors == mentors else {
            throw .otherCohort(mentees: mentees, mentors: mentors)
        }
        let block = Self.block(index, of: count, mentees: mentees)
        switch work {
        case .scoring(let places, let minimum):
            var pass = _ScoringPass(places: places, minimum: minimum)
            if let keyBounds { pass.seedMentorLists(from: keyBounds) }
            scores.forEachBlock(in: block) { block in
                for offset in 0..<block.count { pass.add(block.row(offset)) }
                ProgressReporter.advance(by: block.count)
            }
            keyBounds?.raise(to: pass.digest.fullListKeys)
            return pass.part()
        case .pricing(let job):
            var writer = _PassBytesWriter()
            job.price(scores, block: block).write(to: &writer)
            return writer.bytes
        }
    }
}

extension RowPassRunner {
    /// Scoring's pass, run as parts and merged into `pass` (which holds no row yet).
    func scoringPass(_ pass: _ScoringPass, mentees: Int, mentors: Int) -> _ScoringPass {
        let job = RowPassJob(
            name: "scoring every pair", mentees: mentees, mentors: mentors,
            work: .scoring(places: pass.places, minimum: pass.minimum))
        var pass = pass
        for (index, part) in run(job).enumerated() {
            do throws(RowPassError) { try pass.merge(part: part) } catch { Self.refuse(part: index, of: job, error) }
        }
        guard pass.rows == mentees else {
            Self.refuse(part: nil, of: job, .malformed("covers \(pass.rows) of \(mentees) mentees"))
        }
        return pass
    }

    /// A pricing pass, run as parts: each part's rows, in block order.
    func pricingPass(_ job: _PricingJob, name: String, mentees: Int, mentors: Int) -> [_PricedRows] {
        let passJob = RowPassJob(name: name, mentees: mentees, mentors: mentors, work: .pricing(job))
        let parts = run(passJob).enumerated().map { index, bytes in
            var reader = _PassBytesReader(bytes)
            do throws(RowPassError) {
                let rows = try _PricedRows(from: &reader, mentors: mentors, limit: job.terms.limit)
                guard reader.isAtEnd else { throw .malformed("holds more than priced rows") }
                return rows
            } catch { Self.refuse(part: index, of: passJob, error) }
        }
        guard parts.flatMap(\.rows) == job.rows else {
            Self.refuse(part: nil, of: passJob, .malformed("does not cover the rows to read, in order"))
        }
        return parts
    }

    /// A part the runner returned cannot be merged: the round cannot go on
    /// (the runner's processes must run this very version over this cohort).
    private static func refuse(part index: Int?, of job: RowPassJob, _ error: RowPassError) -> Never {
        preconditionFailure("\(index.map { "part \($0)" } ?? "the parts") of the pass \"\(job.name)\": \(error)")
    }
}
