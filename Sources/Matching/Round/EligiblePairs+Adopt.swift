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
        adoptedCandidates = earlier.memory.candidates.map { pairs in
            // Each candidate mentor's value at their first place, here.
            var firstPlaceValue: [Int: Int64] = [:]
            for pair in pairs {
                let mentor = earlier.mentor(ofColumn: pair.column)
                let place = earlier.placeColumns ? pair.column - earlier.firstPlace[mentor] : 0
                firstPlaceValue[mentor] = pair.value + Int64(place) * placeStep + shift
            }
            return firstPlaceValue.keys.sorted().filter { places[$0] > 0 }.flatMap { mentor in
                let value = firstPlaceValue[mentor]!
                return placeColumns
                    ? (0..<places[mentor]).map {
                        CandidatePair(column: firstPlace[mentor] + $0, value: value - Int64($0) * placeStep)
                    } : [CandidatePair(column: mentor, value: value)]
            }
        }
    }
}
