import ArgumentParser
import Foundation
import Matching

extension CalendarDate {
    /// Today, in this computer's time zone.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// A `--date` value: `YYYY-MM-DD`.
    static func option(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ValidationError("\"\(text)\" is not a date; write it as 2027-03-15.")
        }
        return date
    }
}
