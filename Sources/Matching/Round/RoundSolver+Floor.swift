/// The fairness floor's question, "can `target` mentees still be matched
/// using only eligible pairs scoring `floor` or more?", answered by growing a
/// matching with augmenting paths (Ford–Fulkerson on the mentee–mentor
/// network, mentors with their places as capacity) rather than by a solve.
///
/// It starts from the round's answer with the pairs below the floor removed,
/// so only the mentees those pairs held, and the ones nobody could take, need
/// a path. Each search is breadth-first over mentees, reading a mentee's whole
/// score row at once. A search that fails marks every mentor it reached as
/// dead: those mentors are full and their mentees reach only each other, which
/// stays true as other paths are found (no path passes through a dead set), so
/// no later search enters them, and each mentor is explored by at most one
/// failed search. On the 3,400-mentee round each step takes milliseconds where
/// a coverage solve took about 0.2 s.
extension _RoundSolver {
    func canMatch(_ target: Int, floor: Int64, startingFrom mentorOfMentee: [Int?]) -> Bool {
        let matrix = check.matrix
        let mentees = matrix.mentees, mentors = matrix.mentors
        let lowest = max(floor, minimumUnits ?? .min)
        var mentorOf = [Int](repeating: -1, count: mentees)
        var menteesOf = [[Int]](repeating: [], count: mentors)
        var matched = 0
        for (mentee, mentor) in mentorOfMentee.enumerated() {
            guard let mentor, Int64(matrix.scores[mentee * mentors + mentor]) >= lowest else { continue }
            mentorOf[mentee] = mentor
            menteesOf[mentor].append(mentee)
            matched += 1
        }
        // A mentor is closed to a search when that search (its root) reached
        // it already, or when a failed search made it dead (`Int.max`); mentors
        // without places start dead. One load tells both in the inner loop.
        let closed = UnsafeMutableBufferPointer<Int>.allocate(capacity: mentors)
        defer { closed.deallocate() }
        for mentor in 0..<mentors { closed[mentor] = places[mentor] > 0 ? -1 : .max }
        // The mentee through which a mentor was reached, in the current search.
        var reachedBy = [Int](repeating: -1, count: mentors)
        var queue: [Int] = []
        var reached: [Int] = []
        // Mentees whose pair fell below the floor first: when the floor is
        // feasible they usually find paths and the count is reached before any
        // search for a mentee the round could not match at all, each of which
        // explores everything it reaches to fail.
        let displaced = mentorOfMentee.indices.filter { mentorOfMentee[$0] != nil && mentorOf[$0] < 0 }
        let neverMatched = mentorOfMentee.indices.filter { mentorOfMentee[$0] == nil }
        let roots = displaced + neverMatched
        for (index, root) in roots.enumerated() {
            if matched >= target { return true }
            // Even if every root left found a path, the count would fall short.
            if matched + roots.count - index < target { return false }
            queue.removeAll(keepingCapacity: true)
            reached.removeAll(keepingCapacity: true)
            queue.append(root)
            var head = 0
            var sink = -1
            search: while head < queue.count {
                let mentee = queue[head]
                head += 1
                let found: Int = matrix.withRow(mentee) { scores, bits in
                    // The score test first: it reads the row in order and fails most often.
                    for mentor in 0..<mentors where Int64(scores[mentor]) >= lowest && closed[mentor] != root
                        && closed[mentor] != .max && !_isForbidden(bits, mentor)
                    {
                        closed[mentor] = root
                        reachedBy[mentor] = mentee
                        reached.append(mentor)
                        if menteesOf[mentor].count < places[mentor] { return mentor }
                        queue.append(contentsOf: menteesOf[mentor])
                    }
                    return -1
                }
                if found >= 0 {
                    sink = found
                    break search
                }
            }
            guard sink >= 0 else {
                for mentor in reached { closed[mentor] = .max }
                continue
            }
            // Each mentee on the path moves to the mentor it reached; the root last.
            var mentor = sink
            while true {
                let mentee = reachedBy[mentor]
                let previous = mentorOf[mentee]
                if previous >= 0, let index = menteesOf[previous].firstIndex(of: mentee) { menteesOf[previous].remove(at: index) }
                menteesOf[mentor].append(mentee)
                mentorOf[mentee] = mentor
                if mentee == root { break }
                mentor = previous
            }
            matched += 1
        }
        return matched >= target
    }
}
