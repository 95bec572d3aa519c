/// The pair rules, written once: each a branch-free function of the two
/// people's compact keys (`_PersonKeys`) returning 0 or 1, so the fused
/// scoring kernel can apply them lane by lane in its vectorised loop, and
/// explanations — and, through explanations, letters — evaluate the very
/// same definitions for one pair. (`NaivePairScorer` in the tests restates
/// them independently, from the participants, to hold both to the policy.)
///
/// Meeting keys: bit 0 = can meet online, bit 1 = can meet in person.
/// Regions, organisations: equal keys mean the same normalised name (an empty
/// cell matches nobody). Languages: bit sets, 0 when none listed.
enum _HardRules {
    /// Both can meet online.
    @inline(__always)
    static func online(_ menteeMeeting: Int32, _ mentorMeeting: Int32) -> Int32 {
        menteeMeeting & mentorMeeting & 1
    }

    /// Both can meet in person.
    @inline(__always)
    static func bothInPerson(_ menteeMeeting: Int32, _ mentorMeeting: Int32) -> Int32 {
        (menteeMeeting & mentorMeeting) >> 1 & 1
    }

    /// They can meet: online, or in person where the policy's region rule
    /// allows it (`regionAlwaysFine` = 1 when in person does not need the
    /// same region).
    @inline(__always)
    static func canMeet(
        _ menteeMeeting: Int32, _ mentorMeeting: Int32, sameRegion: Int32, regionAlwaysFine: Int32
    ) -> Int32 {
        online(menteeMeeting, mentorMeeting)
            | (bothInPerson(menteeMeeting, mentorMeeting) & (sameRegion | regionAlwaysFine))
    }

    /// The mentor is fewer than `minimumGap` levels above the mentee.
    @inline(__always)
    static func tooJunior(gap: Int32, minimumGap: Int32) -> Int32 { gap < minimumGap ? 1 : 0 }

    /// The shared-language rule fails: it applies (`check` = 1: the policy
    /// requires a language and the mentee lists some), the mentor lists some,
    /// and none is shared.
    @inline(__always)
    static func noSharedLanguage(check: Int32, mentorLists: Int32, shares: Int32) -> Int32 {
        check & mentorLists & (shares ^ 1)
    }

    /// Same organisation where the policy forbids it (`forbid` = 1).
    @inline(__always)
    static func sameOrganisationForbidden(sameOrganisation: Int32, forbid: Int32) -> Int32 {
        sameOrganisation & forbid
    }

    /// The seniority bonus in units for a mentor `gap` levels above the
    /// mentee: all of it at the ideal gap, half of it one level off.
    @inline(__always)
    static func seniorityUnits(gap: Int32, idealGap: Int32, full: Int32, half: Int32) -> Int32 {
        let offIdeal = gap &- idealGap
        // |offIdeal| == 1 without a branch: offIdeal + 1 is then 0 or 2.
        return (offIdeal == 0 ? full : 0) &+ ((offIdeal &+ 1) & ~2 == 0 ? half : 0)
    }
}
