/// How a round's letters are written: a file per letter, or one mail-merge
/// file for the whole round.
///
/// Files suit a coordinator who reads and sends letters one by one; a
/// national scheme's tens of thousands of letters go through a mail merge,
/// and a hundred thousand files would only slow the round down (writing
/// 100,000 letter files took 10 s of a 34,000-mentee round's 32 s).
public enum LetterLayout: String, Sendable, CaseIterable {
    /// Files up to ``filesLimit`` recipients, a mail-merge file beyond.
    case automatic = "auto"
    /// `letters/` holds each letter as `.txt` and `.html`, and `index.csv`.
    case files
    /// `letters/mail-merge.csv` holds every letter: recipient, email,
    /// subject and the plain-text body, one row each.
    case mailMerge = "mail-merge"

    /// The most recipients ``automatic`` writes files for.
    public static let filesLimit = 2_000

    /// Whether a round with this many recipients gets one mail-merge file.
    public func mergesLetters(recipients: Int) -> Bool {
        switch self {
        case .files: false
        case .mailMerge: true
        case .automatic: recipients > Self.filesLimit
        }
    }
}
