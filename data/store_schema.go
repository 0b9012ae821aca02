package data

// migrations upgrade a database file in place, one schema version at a
// time; migrations[i] takes user_version i to i+1. Never edit a migration
// that has shipped: add a new one.
var migrations = []string{
	// 1: the first schema.
	`
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE countries (
	id         INTEGER PRIMARY KEY,
	iso3       TEXT NOT NULL UNIQUE,
	iso2       TEXT NOT NULL DEFAULT '',
	name       TEXT NOT NULL,
	un_name    TEXT NOT NULL DEFAULT '',
	cow        INTEGER,
	un_group   TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL DEFAULT 'member',
	admitted   TEXT NOT NULL DEFAULT '',
	ended      TEXT NOT NULL DEFAULT '',
	successors TEXT NOT NULL DEFAULT ''
);

CREATE TABLE country_names (
	name       TEXT PRIMARY KEY,
	country_id INTEGER NOT NULL REFERENCES countries(id)
) WITHOUT ROWID;

CREATE TABLE imports (
	id          INTEGER PRIMARY KEY,
	started     TEXT NOT NULL,
	finished    TEXT NOT NULL,
	format      TEXT NOT NULL,
	dataset     TEXT NOT NULL,
	app_version TEXT NOT NULL,
	sample      INTEGER NOT NULL DEFAULT 0,
	rows_read   INTEGER NOT NULL DEFAULT 0,
	roll_calls_added     INTEGER NOT NULL DEFAULT 0,
	roll_calls_updated   INTEGER NOT NULL DEFAULT 0,
	roll_calls_unchanged INTEGER NOT NULL DEFAULT 0,
	votes_added          INTEGER NOT NULL DEFAULT 0,
	votes_changed        INTEGER NOT NULL DEFAULT 0,
	votes_unchanged      INTEGER NOT NULL DEFAULT 0,
	positions_added      INTEGER NOT NULL DEFAULT 0,
	positions_updated    INTEGER NOT NULL DEFAULT 0,
	warnings    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE import_files (
	import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
	name      TEXT NOT NULL,
	size      INTEGER NOT NULL,
	sha256    TEXT NOT NULL,
	PRIMARY KEY (import_id, name)
) WITHOUT ROWID;
CREATE INDEX import_files_sha ON import_files(sha256);

CREATE TABLE roll_calls (
	id            INTEGER PRIMARY KEY,
	body          TEXT NOT NULL CHECK (body IN ('GA', 'SC')),
	symbol        TEXT NOT NULL DEFAULT '',
	date          TEXT NOT NULL DEFAULT '',
	session       TEXT NOT NULL DEFAULT '',
	title         TEXT NOT NULL DEFAULT '',
	description   TEXT NOT NULL DEFAULT '',
	topics        TEXT NOT NULL DEFAULT '',
	draft         TEXT NOT NULL DEFAULT '',
	meeting       TEXT NOT NULL DEFAULT '',
	flags         INTEGER NOT NULL DEFAULT 0,
	pub_yes       INTEGER,
	pub_no        INTEGER,
	pub_abstain   INTEGER,
	pub_nonvoting INTEGER,
	source        TEXT NOT NULL DEFAULT '',
	link          TEXT NOT NULL DEFAULT '',
	rcid          INTEGER UNIQUE,
	undl_id       INTEGER UNIQUE,
	import_id     INTEGER REFERENCES imports(id)
);
CREATE INDEX roll_calls_symbol ON roll_calls(body, symbol);
CREATE INDEX roll_calls_date ON roll_calls(date);

CREATE TABLE votes (
	roll_call_id INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
	country_id   INTEGER NOT NULL REFERENCES countries(id),
	vote         INTEGER NOT NULL CHECK (vote IN (1, 2, 3, 8)),
	PRIMARY KEY (roll_call_id, country_id)
) WITHOUT ROWID;

CREATE TABLE positions (
	id         INTEGER PRIMARY KEY,
	country_id INTEGER NOT NULL REFERENCES countries(id),
	date       TEXT NOT NULL,
	topic      TEXT NOT NULL,
	stance     TEXT NOT NULL CHECK (stance IN ('supports', 'opposes', 'neutral')),
	summary    TEXT NOT NULL,
	quote      TEXT NOT NULL DEFAULT '',
	source     TEXT NOT NULL DEFAULT '',
	sample     INTEGER NOT NULL DEFAULT 0,
	import_id  INTEGER REFERENCES imports(id),
	created    TEXT NOT NULL,
	updated    TEXT NOT NULL
);
CREATE UNIQUE INDEX positions_key ON positions(country_id, date, topic, summary);
`,
	// 2: ballots, every roll call's votes in one value. It is a cache of
	// the votes table (which stays the record): reading 8,000 ballots is a
	// hundred times faster than reading a million vote rows, and the
	// window loads them at every start.
	`
CREATE TABLE ballots (
	roll_call_id INTEGER PRIMARY KEY REFERENCES roll_calls(id) ON DELETE CASCADE,
	votes        TEXT NOT NULL
);
` + rebuildBallots,
	// 3: the votes table again, with its CHECK written as comparisons. SQLite
	// evaluates "vote IN (1, 2, 3, 8)" by building a temporary table for
	// every row inserted, which made a large import half again as slow.
	`
CREATE TABLE votes_v3 (
	roll_call_id INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
	country_id   INTEGER NOT NULL REFERENCES countries(id),
	vote         INTEGER NOT NULL CHECK (vote = 1 OR vote = 2 OR vote = 3 OR vote = 8),
	PRIMARY KEY (roll_call_id, country_id)
) WITHOUT ROWID;
INSERT INTO votes_v3 (roll_call_id, country_id, vote) SELECT roll_call_id, country_id, vote FROM votes;
DROP TABLE votes;
ALTER TABLE votes_v3 RENAME TO votes;
`,
	// 4: each topic of a roll call with the dataset that gave it. The
	// topics column holds their union, which the filters read; the topics
	// already stored are credited to the roll call's last source, the only
	// one known.
	`
CREATE TABLE roll_call_topics (
	roll_call_id INTEGER NOT NULL REFERENCES roll_calls(id) ON DELETE CASCADE,
	topic        TEXT NOT NULL,
	source       TEXT NOT NULL,
	PRIMARY KEY (roll_call_id, topic, source)
) WITHOUT ROWID;
WITH RECURSIVE split(id, source, topic, rest) AS (
	SELECT id, source, '', topics || '; ' FROM roll_calls WHERE topics != ''
	UNION ALL
	SELECT id, source, substr(rest, 1, instr(rest, '; ') - 1), substr(rest, instr(rest, '; ') + 2) FROM split WHERE rest != ''
)
INSERT OR IGNORE INTO roll_call_topics (roll_call_id, topic, source) SELECT id, topic, source FROM split WHERE topic != '';
`,
	// 5: estimates, a cache of ideal-point estimations. A row is keyed by a
	// hash of the model, its options and every vote it used, so that a
	// change to the data or the selection never finds a stale result; the
	// votes stay the record, and the cache may be emptied at any time.
	`
CREATE TABLE estimates (
	key     TEXT PRIMARY KEY,
	result  BLOB NOT NULL,
	created TEXT NOT NULL
) WITHOUT ROWID;
`,
	// 6: vetoes, kept apart from the roll calls and their votes: a veto
	// list names the draft, the day and the vetoing members but not how
	// the others voted. A veto read from a failed draft's member votes
	// names its roll call (roll_call, the symbol); members are ISO3 codes
	// separated by spaces, the Soviet Union's SUN and Russia's RUS. The
	// key tells apart two drafts a list gives the same day and agenda item.
	`
CREATE TABLE vetoes (
	id        INTEGER PRIMARY KEY,
	draft     TEXT NOT NULL,
	date      TEXT NOT NULL DEFAULT '',
	year      INTEGER NOT NULL,
	seq       INTEGER NOT NULL DEFAULT 1,
	roll_call TEXT NOT NULL DEFAULT '',
	meeting   TEXT NOT NULL DEFAULT '',
	agenda    TEXT NOT NULL DEFAULT '',
	topic     TEXT NOT NULL DEFAULT '',
	region    TEXT NOT NULL DEFAULT '',
	members   TEXT NOT NULL CHECK (members != ''),
	source    TEXT NOT NULL DEFAULT '',
	import_id INTEGER REFERENCES imports(id)
);
CREATE UNIQUE INDEX vetoes_key ON vetoes(draft, date, year, agenda, seq, roll_call);
`,
	// 7: the General Debate's speeches and their full-text index. The text
	// is stored once, in speech_texts, apart from the speeches' other
	// columns so that listing them reads a few pages, not the corpus;
	// speech_index is an FTS5 index over it (an external-content table,
	// which keeps no second copy), tokenized as package words counts
	// (unicode61, diacritics removed, no stemming). country is the code
	// Plenary files the speech under, code and session the corpus's key.
	`
CREATE TABLE speeches (
	id        INTEGER PRIMARY KEY,
	country   TEXT NOT NULL,
	code      TEXT NOT NULL,
	session   INTEGER NOT NULL,
	year      INTEGER NOT NULL,
	words     INTEGER NOT NULL,
	speaker   TEXT NOT NULL DEFAULT '',
	post      TEXT NOT NULL DEFAULT '',
	file      TEXT NOT NULL,
	sha256    TEXT NOT NULL,
	import_id INTEGER REFERENCES imports(id),
	UNIQUE (code, session)
);
CREATE TABLE speech_texts (
	id   INTEGER PRIMARY KEY REFERENCES speeches(id) ON DELETE CASCADE,
	text TEXT NOT NULL
);
CREATE VIRTUAL TABLE speech_index USING fts5(text, content='speech_texts', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
-- FTS5 gathers 1 MB of index in memory before it writes a segment, and
-- then merges the hundreds of segments that makes for the corpus, which
-- makes an import four times as long; 64 MB keeps the segments few.
INSERT INTO speech_index (speech_index, rank) VALUES ('hashsize', 67108864);
ALTER TABLE imports ADD COLUMN speeches_added INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN speeches_updated INTEGER NOT NULL DEFAULT 0;
`,
}

// rebuildBallots writes every ballot again from the votes table. Each vote
// is two characters: the country's row id and the vote code as code points.
const rebuildBallots = `
DELETE FROM ballots;
INSERT INTO ballots (roll_call_id, votes)
	SELECT roll_call_id, ` + ballotOfVotes + ` FROM votes GROUP BY roll_call_id;
`

// ballotOfVotes is the SQL aggregate that writes a roll call's votes as a
// ballot (see encodeBallot).
const ballotOfVotes = `group_concat(char(country_id, vote), '')`

// SchemaVersion is the user_version this build writes.
var SchemaVersion = len(migrations)
