-- bookshop: a small independent bookshop (hand-written sample data for Crucible)
PRAGMA foreign_keys = ON;

CREATE TABLE author (
    author_id   INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT,
    birth_year  INTEGER
);

CREATE TABLE publisher (
    publisher_id INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    city         TEXT,
    founded      INTEGER
);

CREATE TABLE book (
    book_id      INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    author_id    INTEGER REFERENCES author(author_id),
    publisher_id INTEGER REFERENCES publisher(publisher_id),
    genre        TEXT,
    pub_year     INTEGER,
    price        REAL,
    pages        INTEGER
);

CREATE TABLE customer (
    customer_id INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    city        TEXT,
    email       TEXT,
    joined_year INTEGER
);

CREATE TABLE sale (
    sale_id     INTEGER PRIMARY KEY,
    book_id     INTEGER REFERENCES book(book_id),
    customer_id INTEGER REFERENCES customer(customer_id),
    quantity    INTEGER,
    sale_date   TEXT,
    discount    REAL
);

INSERT INTO author VALUES (1, 'Maria Lindqvist', 'Sweden', 1961);
INSERT INTO author VALUES (2, 'Tomás Herrera', 'Spain', 1975);
INSERT INTO author VALUES (3, 'Aiko Tanaka', 'Japan', 1982);
INSERT INTO author VALUES (4, 'James Whitfield', 'UK', 1950);
INSERT INTO author VALUES (5, 'Grace Okafor', 'Nigeria', 1990);
INSERT INTO author VALUES (6, 'Henrik Berg', 'Sweden', NULL);
INSERT INTO author VALUES (7, 'Laura Benson', 'USA', 1968);
INSERT INTO author VALUES (8, 'Piotr Nowak', 'Poland', 1979);
INSERT INTO author VALUES (9, 'Chen Wei', 'China', NULL);
INSERT INTO author VALUES (10, 'Sofia Russo', 'Italy', 1985);
INSERT INTO author VALUES (11, 'Daniel Price', 'USA', 1972);
INSERT INTO author VALUES (12, 'Emma Clarke', 'UK', 1993);

INSERT INTO publisher VALUES (1, 'Northwind Press', 'London', 1921);
INSERT INTO publisher VALUES (2, 'Blue Harbor Books', 'Boston', 1987);
INSERT INTO publisher VALUES (3, 'Kestrel House', 'Stockholm', 1954);
INSERT INTO publisher VALUES (4, 'Wydawnictwo Wisła', 'Łódź', 1991);
INSERT INTO publisher VALUES (5, 'Sunrise Publishing', 'Tokyo', 2003);
INSERT INTO publisher VALUES (6, 'Lantern and Quill', 'Boston', 2010);

INSERT INTO book VALUES (1, 'The Silent Fjord', 1, 3, 'Mystery', 2012, 14.99, 320);
INSERT INTO book VALUES (2, 'Winter Ledger', 1, 3, 'Mystery', 2015, 16.5, 352);
INSERT INTO book VALUES (3, 'Paper Lanterns', 3, 5, 'Fiction', 2018, 12.0, 240);
INSERT INTO book VALUES (4, 'Maps of the Clockmaker', 4, 1, 'Fantasy', 1998, 22.0, 512);
INSERT INTO book VALUES (5, 'A Brief Tide', 4, 1, 'Fiction', 2001, 9.99, 198);
INSERT INTO book VALUES (6, 'Orbit of Ashes', 5, 2, 'Science', 2020, 27.5, 410);
INSERT INTO book VALUES (7, 'Roots Under Lagos', 5, 2, 'History', 2021, 24.0, 388);
INSERT INTO book VALUES (8, 'Northern Kitchen', 6, 3, NULL, 2009, 30.0, 150);
INSERT INTO book VALUES (9, 'Salt and Iron', 7, 2, 'History', 2005, 19.99, 450);
INSERT INTO book VALUES (10, 'The Glass Orchard', 7, 2, 'Fiction', 2011, 14.99, 300);
INSERT INTO book VALUES (11, 'Rzeka', 8, 4, 'Poetry', 2016, 8.5, 96);
INSERT INTO book VALUES (12, 'Ashes of Kraków', 8, 4, 'Mystery', 2019, 15.0, 280);
INSERT INTO book VALUES (13, 'Silk Road Algorithms', 9, 5, 'Science', 2017, 35.0, 520);
INSERT INTO book VALUES (14, 'The Quiet Compiler', 9, 5, 'Science', 2022, 35.0, 610);
INSERT INTO book VALUES (15, 'Venetian Glass', 10, 1, 'Fiction', 2014, 13.25, 275);
INSERT INTO book VALUES (16, 'Midnight at the Lido', 10, 1, 'Mystery', 2016, 11.75, 260);
INSERT INTO book VALUES (17, 'Small Hours', 3, 5, 'Poetry', 2019, 9.0, 80);
INSERT INTO book VALUES (18, 'Dragons of Ember Vale', 4, 1, 'Fantasy', 2003, 21.0, 600);
INSERT INTO book VALUES (19, 'Harbor Lights', 7, 2, 'Fiction', 2013, NULL, 310);
INSERT INTO book VALUES (20, 'Tidewater', 2, 2, 'Fiction', 2008, 12.5, 288);
INSERT INTO book VALUES (21, 'El Último Verano', 2, 1, 'Fiction', 2010, 18.0, 344);
INSERT INTO book VALUES (22, 'The Algebra of Stars', 5, 5, 'Science', 2023, 29.0, 430);
INSERT INTO book VALUES (23, 'Frost Chronicle', 6, 3, 'Fantasy', 2014, 19.99, 480);
INSERT INTO book VALUES (24, 'Letters from Gdańsk', 8, 4, 'History', 2012, 17.25, 330);

INSERT INTO customer VALUES (1, 'Zoë Martin', 'Paris', 'zoe@example.com', 2019);
INSERT INTO customer VALUES (2, 'Oliver Grant', 'London', NULL, 2018);
INSERT INTO customer VALUES (3, 'Priya Nair', 'Boston', 'priya@example.com', 2020);
INSERT INTO customer VALUES (4, 'Lukas Meyer', 'Berlin', NULL, 2021);
INSERT INTO customer VALUES (5, 'Ana Souza', 'Lisbon', 'ana@example.com', 2019);
INSERT INTO customer VALUES (6, 'Kenji Mori', 'Tokyo', 'kenji@example.com', 2022);
INSERT INTO customer VALUES (7, 'Hannah Cole', 'Boston', NULL, 2020);
INSERT INTO customer VALUES (8, 'Marek Zieliński', 'Łódź', 'marek@example.com', 2021);
INSERT INTO customer VALUES (9, 'Fatima Idris', 'London', 'fatima@example.com', 2018);
INSERT INTO customer VALUES (10, 'Noah Walsh', 'Dublin', NULL, 2023);
INSERT INTO customer VALUES (11, 'Ines Duarte', 'Lisbon', NULL, 2023);

INSERT INTO sale VALUES (1, 1, 1, 1, '2023-01-05', NULL);
INSERT INTO sale VALUES (2, 3, 1, 2, '2023-01-05', 0.1);
INSERT INTO sale VALUES (3, 13, 3, 1, '2023-01-09', NULL);
INSERT INTO sale VALUES (4, 6, 3, 1, '2023-01-12', 0.05);
INSERT INTO sale VALUES (5, 10, 2, 3, '2023-01-20', NULL);
INSERT INTO sale VALUES (6, 4, 4, 1, '2023-02-02', NULL);
INSERT INTO sale VALUES (7, 12, 8, 2, '2023-02-03', 0.1);
INSERT INTO sale VALUES (8, 11, 8, 1, '2023-02-03', NULL);
INSERT INTO sale VALUES (9, 24, 8, 1, '2023-02-14', NULL);
INSERT INTO sale VALUES (10, 15, 5, 1, '2023-02-18', 0.15);
INSERT INTO sale VALUES (11, 16, 5, 1, '2023-02-18', 0.15);
INSERT INTO sale VALUES (12, 2, 9, 1, '2023-03-01', NULL);
INSERT INTO sale VALUES (13, 1, 9, 1, '2023-03-01', NULL);
INSERT INTO sale VALUES (14, 7, 7, 2, '2023-03-10', NULL);
INSERT INTO sale VALUES (15, 14, 6, 1, '2023-03-15', 0.05);
INSERT INTO sale VALUES (16, 13, 6, 1, '2023-03-15', 0.05);
INSERT INTO sale VALUES (17, 22, 6, 1, '2023-03-20', NULL);
INSERT INTO sale VALUES (18, 3, 6, 4, '2023-04-01', 0.2);
INSERT INTO sale VALUES (19, 18, 2, 1, '2023-04-07', NULL);
INSERT INTO sale VALUES (20, 9, 3, 1, '2023-04-11', NULL);
INSERT INTO sale VALUES (21, 20, 1, 1, '2023-04-22', NULL);
INSERT INTO sale VALUES (22, 21, 5, 2, '2023-05-02', 0.1);
INSERT INTO sale VALUES (23, 5, 4, 1, '2023-05-09', NULL);
INSERT INTO sale VALUES (24, 12, 9, 1, '2023-05-15', NULL);
INSERT INTO sale VALUES (25, 23, 7, 1, '2023-05-30', NULL);
INSERT INTO sale VALUES (26, 10, 7, 1, '2023-06-04', 0.05);
INSERT INTO sale VALUES (27, 6, 2, 2, '2023-06-11', NULL);
INSERT INTO sale VALUES (28, 17, 1, 1, '2023-06-19', NULL);
INSERT INTO sale VALUES (29, 8, 4, 1, '2023-07-01', NULL);
INSERT INTO sale VALUES (30, 2, 8, 1, '2023-07-08', NULL);
INSERT INTO sale VALUES (31, 19, 3, 2, '2023-07-15', NULL);
INSERT INTO sale VALUES (32, 1, 5, 1, '2023-08-02', NULL);
INSERT INTO sale VALUES (33, 13, 9, 1, '2023-08-09', 0.1);
INSERT INTO sale VALUES (34, 11, 1, 1, '2023-08-21', NULL);
INSERT INTO sale VALUES (35, 7, 6, 1, '2023-09-03', NULL);
INSERT INTO sale VALUES (36, 15, 2, 1, '2023-09-17', NULL);
