-- air_routes: airlines, airports, aircraft types and scheduled flights (hand-written sample data for Crucible)
PRAGMA foreign_keys = ON;

CREATE TABLE airline (
    airline_id INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    country    TEXT,
    founded    INTEGER
);

CREATE TABLE airport (
    airport_code TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    city         TEXT,
    country      TEXT,
    elevation_m  INTEGER
);

CREATE TABLE aircraft (
    aircraft_id  INTEGER PRIMARY KEY,
    model        TEXT NOT NULL,
    manufacturer TEXT,
    seats        INTEGER,
    range_km     INTEGER
);

CREATE TABLE flight (
    flight_id    INTEGER PRIMARY KEY,
    flight_no    TEXT NOT NULL,
    airline_id   INTEGER REFERENCES airline(airline_id),
    origin       TEXT REFERENCES airport(airport_code),
    destination  TEXT REFERENCES airport(airport_code),
    aircraft_id  INTEGER REFERENCES aircraft(aircraft_id),
    distance_km  INTEGER,
    duration_min INTEGER,
    fare         REAL
);

INSERT INTO airline VALUES (1, 'Nordic Skyways', 'Norway', 1995);
INSERT INTO airline VALUES (2, 'Alpine Air', 'Switzerland', 1978);
INSERT INTO airline VALUES (3, 'Vistula Wings', 'Poland', 2004);
INSERT INTO airline VALUES (4, 'Atlantic Blue', 'Portugal', 1989);
INSERT INTO airline VALUES (5, 'Celtic Hop', 'Ireland', 2011);
INSERT INTO airline VALUES (6, 'Danube Express', 'Austria', 2016);

INSERT INTO airport VALUES ('OSL', 'Oslo Gardermoen', 'Oslo', 'Norway', 208);
INSERT INTO airport VALUES ('ZRH', 'Zürich Airport', 'Zürich', 'Switzerland', 432);
INSERT INTO airport VALUES ('KRK', 'John Paul II Kraków-Balice', 'Kraków', 'Poland', 241);
INSERT INTO airport VALUES ('WAW', 'Warsaw Chopin', 'Warsaw', 'Poland', 110);
INSERT INTO airport VALUES ('LIS', 'Humberto Delgado', 'Lisbon', 'Portugal', 114);
INSERT INTO airport VALUES ('DUB', 'Dublin Airport', 'Dublin', 'Ireland', 74);
INSERT INTO airport VALUES ('VIE', 'Vienna International', 'Vienna', 'Austria', 183);
INSERT INTO airport VALUES ('BGO', 'Bergen Flesland', 'Bergen', 'Norway', 50);
INSERT INTO airport VALUES ('GVA', 'Geneva Airport', 'Geneva', 'Switzerland', 430);
INSERT INTO airport VALUES ('OPO', 'Francisco Sá Carneiro', 'Porto', 'Portugal', 69);
INSERT INTO airport VALUES ('INN', 'Innsbruck Airport', 'Innsbruck', 'Austria', 581);

INSERT INTO aircraft VALUES (1, 'A320neo', 'Airbus', 180, 6300);
INSERT INTO aircraft VALUES (2, 'A220-300', 'Airbus', 140, 6200);
INSERT INTO aircraft VALUES (3, '737-800', 'Boeing', 189, 5400);
INSERT INTO aircraft VALUES (4, 'E195-E2', 'Embraer', 136, 4800);
INSERT INTO aircraft VALUES (5, 'ATR 72-600', 'ATR', 72, 1500);
INSERT INTO aircraft VALUES (6, 'A321neo', 'Airbus', 244, 7400);
INSERT INTO aircraft VALUES (7, 'Dash 8-400', 'De Havilland', 82, 2000);

INSERT INTO flight VALUES (1, 'NS101', 1, 'OSL', 'BGO', 5, 305, 55, 89.0);
INSERT INTO flight VALUES (2, 'NS102', 1, 'BGO', 'OSL', 5, 305, 55, 89.0);
INSERT INTO flight VALUES (3, 'NS220', 1, 'OSL', 'DUB', 1, 1260, 140, 149.5);
INSERT INTO flight VALUES (4, 'NS310', 1, 'OSL', 'VIE', 3, 1380, 150, 159.0);
INSERT INTO flight VALUES (5, 'NS330', 1, 'OSL', 'LIS', 6, 2770, 245, 219.0);
INSERT INTO flight VALUES (6, 'AA011', 2, 'ZRH', 'GVA', 4, 225, 50, 99.0);
INSERT INTO flight VALUES (7, 'AA012', 2, 'GVA', 'ZRH', 4, 225, 50, 99.0);
INSERT INTO flight VALUES (8, 'AA140', 2, 'ZRH', 'LIS', 1, 1720, 165, 189.0);
INSERT INTO flight VALUES (9, 'AA150', 2, 'ZRH', 'WAW', 2, 1050, 115, 139.0);
INSERT INTO flight VALUES (10, 'AA160', 2, 'GVA', 'DUB', 2, 1000, 120, NULL);
INSERT INTO flight VALUES (11, 'VW401', 3, 'WAW', 'KRK', 7, 250, 55, 59.0);
INSERT INTO flight VALUES (12, 'VW402', 3, 'KRK', 'WAW', 7, 250, 55, 59.0);
INSERT INTO flight VALUES (13, 'VW510', 3, 'KRK', 'OSL', 3, 1130, 130, 119.0);
INSERT INTO flight VALUES (14, 'VW520', 3, 'WAW', 'VIE', 4, 560, 80, 79.5);
INSERT INTO flight VALUES (15, 'VW530', 3, 'KRK', 'DUB', 3, 1860, 175, 129.0);
INSERT INTO flight VALUES (16, 'AB701', 4, 'LIS', 'OPO', 5, 275, 55, 49.0);
INSERT INTO flight VALUES (17, 'AB702', 4, 'OPO', 'LIS', 5, 275, 55, 49.0);
INSERT INTO flight VALUES (18, 'AB740', 4, 'LIS', 'DUB', 6, 1640, 160, 169.0);
INSERT INTO flight VALUES (19, 'AB760', 4, 'OPO', 'GVA', 1, 1390, 135, 145.0);
INSERT INTO flight VALUES (20, 'AB780', 4, 'LIS', 'ZRH', 6, 1720, 170, 199.0);
INSERT INTO flight VALUES (21, 'CH900', 5, 'DUB', 'LIS', 3, 1640, 165, 139.0);
INSERT INTO flight VALUES (22, 'CH910', 5, 'DUB', 'KRK', 3, 1860, 180, NULL);
INSERT INTO flight VALUES (23, 'CH920', 5, 'DUB', 'OSL', 1, 1260, 145, 129.0);
INSERT INTO flight VALUES (24, 'DE301', 6, 'VIE', 'INN', 7, 380, 60, 69.0);
INSERT INTO flight VALUES (25, 'DE302', 6, 'ZRH', 'INN', 7, 250, 50, 79.0);
INSERT INTO flight VALUES (26, 'DE350', 6, 'VIE', 'WAW', 2, 560, 85, 89.0);
INSERT INTO flight VALUES (27, 'DE360', 6, 'VIE', 'ZRH', 2, 600, 80, 119.0);
INSERT INTO flight VALUES (28, 'DE370', 6, 'VIE', 'OSL', 6, 1380, 150, 179.0);
