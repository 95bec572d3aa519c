/// The version of Tandem, as `tandem --version` prints it and `round.json`
/// records it: the one place it is written (a test holds CHANGELOG.md to it).
public enum TandemVersion {
    public static let current = "0.12.14"
}
