/// The version of Tandem, as `tandem --version` prints it and `round.json` records it.
public enum TandemVersion {
    public static let current = "0.2.0"
}
