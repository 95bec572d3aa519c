import GRDB

/// The ledger's tables, built by numbered migrations that only ever add: a
/// ledger records which ones it has, so a newer Tandem brings an older ledger
/// up to date (after a backup, see ``Ledger``) and an older Tandem refuses a
/// ledger with migrations it does not know.
///
/// People are kept apart from their sign-ups: `people` holds one row per
/// person across every round (found again by email, or by id when they gave
/// none), and `round_people` the id, role and places they had in each round,
/// so a mentee of one year who signs up as a mentor the next is one person.
/// A round and the follow-up rounds run after it (`follows`) form a *chain*
/// (`chain` is its first round's id): responses, endings and checkpoints
/// belong to the chain, so a pair proposed again in a later year starts
/// afresh. A checkpoint row says who gave the review (mentee, mentor, or the
/// coordinator for both). `round_duals` keeps the potentials of the round's
/// certified answer (a mentee's, and each place of a mentor's, in the
/// solver's units), from which a follow-up round's solve starts.
/// `introductions` records the pairs whose partners were given each other's
/// contact details after acceptance. Dates are `YYYY-MM-DD` text; scores are integer units of the round's
/// resolution, exactly as the solver saw them. Responses, endings and
/// checkpoints are only ever added: a later row for the same pair is the
/// current one, and the earlier stays as history.
enum _LedgerSchema {
    /// The migrations in order. Their identifiers are the schema versions a
    /// ledger reports.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 rounds") { db in
            try db.execute(
                sql: """
                    CREATE TABLE ledger_info (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    ) STRICT;
                    CREATE TABLE people (
                        id INTEGER PRIMARY KEY,
                        email TEXT COLLATE NOCASE,
                        participant_id TEXT NOT NULL,
                        name TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX people_by_email ON people(email);
                    CREATE INDEX people_by_participant_id ON people(participant_id);
                    CREATE TABLE rounds (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        chain INTEGER NOT NULL,
                        follows INTEGER REFERENCES rounds(id),
                        created_on TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
                        published_on TEXT,
                        tandem_version TEXT NOT NULL,
                        objective TEXT NOT NULL,
                        resolution REAL NOT NULL,
                        reveal_contact TEXT NOT NULL CHECK (reveal_contact IN ('after_acceptance', 'immediately')),
                        reply_by TEXT,
                        coordinator TEXT,
                        contact TEXT,
                        csv_separator TEXT NOT NULL,
                        byte_order_mark INTEGER NOT NULL,
                        repeat_pairs TEXT NOT NULL,
                        certificate TEXT NOT NULL
                    ) STRICT;
                    CREATE TABLE round_inputs (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        input TEXT NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        PRIMARY KEY (round, input)
                    ) STRICT;
                    CREATE TABLE round_people (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        person INTEGER NOT NULL REFERENCES people(id),
                        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
                        participant_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        email TEXT NOT NULL,
                        places INTEGER NOT NULL,
                        PRIMARY KEY (round, person, role)
                    ) STRICT;
                    CREATE TABLE proposals (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        mentee INTEGER NOT NULL REFERENCES people(id),
                        mentor INTEGER NOT NULL REFERENCES people(id),
                        units INTEGER NOT NULL,
                        points TEXT NOT NULL,
                        rank INTEGER NOT NULL,
                        origin TEXT NOT NULL CHECK (origin IN ('new', 'kept', 'accepted')),
                        PRIMARY KEY (round, mentee)
                    ) STRICT;
                    CREATE INDEX proposals_by_mentor ON proposals(mentor);
                    CREATE TABLE letters (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        person INTEGER NOT NULL REFERENCES people(id),
                        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
                        subject TEXT NOT NULL,
                        body TEXT NOT NULL,
                        PRIMARY KEY (round, person, role)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("2 responses and endings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE responses (
                        id INTEGER PRIMARY KEY,
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        mentee INTEGER NOT NULL REFERENCES people(id),
                        mentor INTEGER NOT NULL REFERENCES people(id),
                        response TEXT NOT NULL CHECK (response IN ('accepted', 'declined', 'no reply')),
                        responded_by TEXT NOT NULL CHECK (responded_by IN ('mentee', 'mentor', 'coordinator')),
                        responded_on TEXT NOT NULL,
                        reason TEXT,
                        note TEXT,
                        source TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX responses_by_pair ON responses(mentee, mentor);
                    CREATE TABLE endings (
                        id INTEGER PRIMARY KEY,
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        mentee INTEGER NOT NULL REFERENCES people(id),
                        mentor INTEGER NOT NULL REFERENCES people(id),
                        ended_on TEXT NOT NULL,
                        ended_by TEXT NOT NULL CHECK (ended_by IN ('mentee', 'mentor', 'coordinator')),
                        reason TEXT NOT NULL
                            CHECK (reason IN ('new role', 'upheaval', 'unproductive', 'misconduct', 'other')),
                        note TEXT
                    ) STRICT;
                    CREATE INDEX endings_by_pair ON endings(mentee, mentor);
                    """)
        }
        migrator.registerMigration("3 checkpoints") { db in
            try db.execute(
                sql: """
                    CREATE TABLE checkpoints (
                        id INTEGER PRIMARY KEY,
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        mentee INTEGER NOT NULL REFERENCES people(id),
                        mentor INTEGER NOT NULL REFERENCES people(id),
                        month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 120),
                        held_on TEXT NOT NULL,
                        still_meeting INTEGER NOT NULL CHECK (still_meeting IN (0, 1)),
                        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                        note TEXT,
                        source TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX checkpoints_by_pair ON checkpoints(mentee, mentor);
                    """)
        }
        migrator.registerMigration("4 reviewers, duals and introductions") { db in
            try db.execute(
                sql: """
                    ALTER TABLE checkpoints ADD COLUMN reviewed_by TEXT NOT NULL DEFAULT 'coordinator'
                        CHECK (reviewed_by IN ('mentee', 'mentor', 'coordinator'));
                    CREATE TABLE round_duals (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        person INTEGER NOT NULL REFERENCES people(id),
                        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
                        place INTEGER NOT NULL,
                        potential INTEGER NOT NULL,
                        PRIMARY KEY (round, person, role, place)
                    ) STRICT;
                    CREATE TABLE introductions (
                        round INTEGER NOT NULL REFERENCES rounds(id),
                        mentee INTEGER NOT NULL REFERENCES people(id),
                        mentor INTEGER NOT NULL REFERENCES people(id),
                        introduced_on TEXT NOT NULL,
                        PRIMARY KEY (round, mentee, mentor)
                    ) STRICT;
                    """)
        }
        return migrator
    }
}
