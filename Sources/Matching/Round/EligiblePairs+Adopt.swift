import Assignment

extension _EligiblePairs {
    /// Carries over an earlier solve of the same scores with other places
    /// (a what-if variant's baseline): its final candidates become the first
    /// ones, and what its pricing learnt of each row holds here too, so that
    /// the solve reads only the rows the new duals leave uncovered.
    ///
    /// Alike means: the same scoring (``origin``), cutoff, scale and slot
    /// discount, no locks and no kept proposals on either side, and no
    /// mentor without places there who has places here (their pairs were
    /// never priced). Values differ only by the change of offset, which every
    /// candidate and bound takes; a mentor's place columns are matched place
    /// by place, a place beyond the earlier ones taking the earlier last
    /// place's allowance (it is worth no more). A solve that finds them not
    /// alike starts as any other.
    mutating func adopt(_ earlier: _EligiblePairs) {
        guard origin != nil, earlier.origin == origin, earlier.cutoff == cutoff, earlier.scale == scale,
            earlier.discount == discount, earlier.keptMentor.isEmpty, keptMentor.isEmpty,
            earlier.lockedMentee.isEmpty, lockedMentee.isEmpty, earlier.rowCount == rowCount,
            earlier.memory.candidates.count == rowCount,
            zip(places, earlier.places).allSatisfy({ $0 == 0 || $1 > 0 })
        else { return }
        let shift = offset - earlier.offset, placeStep = discount * scale
        func earlierColumn(_ column: Int) -> Int? {
            let mentor = mentor(ofColumn: column)
            guard earlier.places[mentor] > 0 else { return nil }
            return placeColumns
                ? earlier.firstPlace[mentor] + min(column - firstPlace[mentor], earlier.places[mentor] - 1) : column
        }
        let columnMap = (0..<columnCount).map(earlierColumn)
        var memory = earlier.memory
        memory.bound = memory.bound.map { $0 == .min ? $0 : $0 + shift }
        memory.allowances = memory.allowances.map { allowance in
            columnMap.map { $0.map { allowance[$0] } ?? _PricingMemory.unusedColumn }
        }
        self.memory = memory
        // Each candidate mentor's value at their first place, here: the
        // last of the mentor's pairs decides, mentors in increasing order.
        // One scratch list for every row (a dictionary a row was a tenth of
        // the samples of the 68,000-mentee round's priced places).
        var firstPlaceValues: [(mentor: Int, position: Int, value: Int64)] = []
        adoptedCandidates = earlier.memory.candidates.map { pairs in
            firstPlaceValues.removeAll(keepingCapacity: true)
            for (position, pair) in pairs.enumerated() {
                let mentor = earlier.mentor(ofColumn: pair.column)
                let place = earlier.placeColumns ? pair.column - earlier.firstPlace[mentor] : 0
                firstPlaceValues.append((mentor, position, pair.value + Int64(place) * placeStep + shift))
            }
            firstPlaceValues.sort { ($0.mentor, $0.position) < ($1.mentor, $1.position) }
            var adopted: [CandidatePair<Int64>] = []
            adopted.reserveCapacity(pairs.count)
            for (index, entry) in firstPlaceValues.enumerated() where places[entry.mentor] > 0 {
                guard index + 1 == firstPlaceValues.count || firstPlaceValues[index + 1].mentor != entry.mentor
                else { continue }
                guard placeColumns else {
                    adopted.append(CandidatePair(column: entry.mentor, value: entry.value))
                    continue
                }
                for place in 0..<places[entry.mentor] {
                    adopted.append(
                        CandidatePair(
                            column: firstPlace[entry.mentor] + place, value: entry.value - Int64(place) * placeStep))
                }
            }
            return adopted
        }
    }
}
