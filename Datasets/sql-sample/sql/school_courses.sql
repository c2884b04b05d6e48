-- school_courses: departments, instructors, courses, students and enrolments (hand-written sample data for Crucible)
PRAGMA foreign_keys = ON;

CREATE TABLE department (
    dept_id  INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    building TEXT,
    budget   REAL
);

CREATE TABLE instructor (
    instructor_id INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    dept_id       INTEGER REFERENCES department(dept_id),
    salary        INTEGER,
    hire_year     INTEGER
);

CREATE TABLE course (
    course_id     INTEGER PRIMARY KEY,
    code          TEXT NOT NULL,
    title         TEXT NOT NULL,
    dept_id       INTEGER REFERENCES department(dept_id),
    credits       INTEGER,
    instructor_id INTEGER REFERENCES instructor(instructor_id)
);

CREATE TABLE student (
    student_id  INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    dept_id     INTEGER REFERENCES department(dept_id),
    enroll_year INTEGER,
    gpa         REAL,
    home_city   TEXT
);

CREATE TABLE enrollment (
    student_id INTEGER REFERENCES student(student_id),
    course_id  INTEGER REFERENCES course(course_id),
    semester   TEXT,
    grade      TEXT,
    score      INTEGER,
    PRIMARY KEY (student_id, course_id, semester)
);

INSERT INTO department VALUES (1, 'Computer Science', 'Turing Hall', 450000.0);
INSERT INTO department VALUES (2, 'Mathematics', 'Noether Hall', 300000.0);
INSERT INTO department VALUES (3, 'History', 'Bede Hall', 180000.0);
INSERT INTO department VALUES (4, 'Physics', 'Curie Hall', 380000.0);
INSERT INTO department VALUES (5, 'Music', 'Bach Hall', 120000.0);
INSERT INTO department VALUES (6, 'Philosophy', 'Bede Hall', 95000.5);

INSERT INTO instructor VALUES (1, 'Alan Brooks', 1, 98000, 2008);
INSERT INTO instructor VALUES (2, 'Beatriz Ortega', 1, 105000, 2012);
INSERT INTO instructor VALUES (3, 'Chidi Eze', 2, 87000, 2015);
INSERT INTO instructor VALUES (4, 'Dana Kowalski', 2, 91000, 2010);
INSERT INTO instructor VALUES (5, 'Erik Sandberg', 3, 72000, 2005);
INSERT INTO instructor VALUES (6, 'Fiona Walsh', 4, 99000, 2011);
INSERT INTO instructor VALUES (7, 'Gustavo Lima', 4, 87000, 2019);
INSERT INTO instructor VALUES (8, 'Hélène Roux', 5, 64000, 2016);
INSERT INTO instructor VALUES (9, 'Ivan Petrov', 1, 87000, 2021);
INSERT INTO instructor VALUES (10, 'Julia Stein', 6, 70000, 2018);
INSERT INTO instructor VALUES (11, 'Kwame Mensah', 3, 76000, 2020);
INSERT INTO instructor VALUES (12, 'Lena Vogel', NULL, 58000, 2023);

INSERT INTO course VALUES (1, 'CS101', 'Introduction to Programming', 1, 4, 1);
INSERT INTO course VALUES (2, 'CS201', 'Data Structures', 1, 4, 2);
INSERT INTO course VALUES (3, 'CS305', 'Databases', 1, 3, 9);
INSERT INTO course VALUES (4, 'MA101', 'Calculus I', 2, 4, 3);
INSERT INTO course VALUES (5, 'MA220', 'Linear Algebra', 2, 3, 4);
INSERT INTO course VALUES (6, 'MA330', 'Probability', 2, 3, 3);
INSERT INTO course VALUES (7, 'HI110', 'Medieval Europe', 3, 3, 5);
INSERT INTO course VALUES (8, 'HI240', 'History of Science', 3, 2, 11);
INSERT INTO course VALUES (9, 'PH101', 'Mechanics', 4, 4, 6);
INSERT INTO course VALUES (10, 'PH210', 'Quantum Physics', 4, 4, 7);
INSERT INTO course VALUES (11, 'MU100', 'Music Theory', 5, 2, 8);
INSERT INTO course VALUES (12, 'MU150', 'Choir', 5, 1, NULL);
INSERT INTO course VALUES (13, 'PL101', 'Logic and Argument', 6, 3, 10);
INSERT INTO course VALUES (14, 'CS410', 'Machine Learning', 1, 3, NULL);

INSERT INTO student VALUES (1, 'Amira Haddad', 1, 2021, 3.8, 'Leeds');
INSERT INTO student VALUES (2, 'Ben Carter', 1, 2022, 3.1, 'York');
INSERT INTO student VALUES (3, 'Chloé Dubois', 2, 2021, 3.6, 'Lyon');
INSERT INTO student VALUES (4, 'Diego Ramos', 4, 2020, 2.9, 'Leeds');
INSERT INTO student VALUES (5, 'Elif Yılmaz', 1, 2023, NULL, 'İzmir');
INSERT INTO student VALUES (6, 'Felix Braun', 3, 2022, 3.3, 'Bremen');
INSERT INTO student VALUES (7, 'Gina Rossi', 5, 2021, 3.9, 'Turin');
INSERT INTO student VALUES (8, 'Hugo Laine', 2, 2022, 3.1, 'Oulu');
INSERT INTO student VALUES (9, 'Isla Murray', 4, 2023, 3.5, 'Perth');
INSERT INTO student VALUES (10, 'Jonas Weber', 1, 2020, 2.7, 'Bremen');
INSERT INTO student VALUES (11, 'Keiko Sato', 2, 2023, NULL, 'Osaka');
INSERT INTO student VALUES (12, 'Liam Byrne', 6, 2021, 3.4, 'Cork');
INSERT INTO student VALUES (13, 'Maya Patel', 1, 2022, 4.0, 'Leeds');
INSERT INTO student VALUES (14, 'Nils Holm', 3, 2020, 2.5, 'Malmö');
INSERT INTO student VALUES (15, 'Olga Ivanova', 4, 2021, 3.7, 'Riga');
INSERT INTO student VALUES (16, 'Pedro Alves', NULL, 2023, 3.0, 'Porto');

INSERT INTO enrollment VALUES (1, 1, '2021-Fall', 'A', 93);
INSERT INTO enrollment VALUES (1, 2, '2022-Spring', 'A', 90);
INSERT INTO enrollment VALUES (1, 4, '2021-Fall', 'B', 84);
INSERT INTO enrollment VALUES (1, 3, '2023-Fall', 'A', 95);
INSERT INTO enrollment VALUES (2, 1, '2022-Fall', 'B', 81);
INSERT INTO enrollment VALUES (2, 4, '2022-Fall', 'C', 72);
INSERT INTO enrollment VALUES (2, 2, '2023-Spring', 'B', 85);
INSERT INTO enrollment VALUES (3, 4, '2021-Fall', 'A', 91);
INSERT INTO enrollment VALUES (3, 5, '2022-Spring', 'A', 94);
INSERT INTO enrollment VALUES (3, 6, '2022-Fall', 'B', 86);
INSERT INTO enrollment VALUES (3, 1, '2022-Fall', 'A', 89);
INSERT INTO enrollment VALUES (4, 9, '2020-Fall', 'C', 70);
INSERT INTO enrollment VALUES (4, 10, '2021-Fall', 'C', 68);
INSERT INTO enrollment VALUES (4, 4, '2020-Fall', 'B', 80);
INSERT INTO enrollment VALUES (5, 1, '2023-Fall', NULL, NULL);
INSERT INTO enrollment VALUES (5, 4, '2023-Fall', NULL, NULL);
INSERT INTO enrollment VALUES (6, 7, '2022-Fall', 'B', 83);
INSERT INTO enrollment VALUES (6, 8, '2023-Spring', 'A', 92);
INSERT INTO enrollment VALUES (7, 11, '2021-Fall', 'A', 97);
INSERT INTO enrollment VALUES (7, 12, '2022-Spring', 'A', 99);
INSERT INTO enrollment VALUES (7, 7, '2022-Fall', 'B', 82);
INSERT INTO enrollment VALUES (8, 5, '2022-Fall', 'B', 79);
INSERT INTO enrollment VALUES (8, 4, '2022-Fall', 'C', 74);
INSERT INTO enrollment VALUES (9, 9, '2023-Fall', 'A', 88);
INSERT INTO enrollment VALUES (9, 5, '2023-Fall', NULL, NULL);
INSERT INTO enrollment VALUES (10, 1, '2020-Fall', 'C', 71);
INSERT INTO enrollment VALUES (10, 2, '2021-Spring', 'C', 69);
INSERT INTO enrollment VALUES (10, 3, '2022-Fall', 'B', 78);
INSERT INTO enrollment VALUES (12, 13, '2021-Fall', 'A', 90);
INSERT INTO enrollment VALUES (12, 7, '2022-Spring', 'B', 84);
INSERT INTO enrollment VALUES (13, 1, '2022-Fall', 'A', 98);
INSERT INTO enrollment VALUES (13, 2, '2023-Spring', 'A', 96);
INSERT INTO enrollment VALUES (13, 5, '2023-Spring', 'A', 91);
INSERT INTO enrollment VALUES (13, 14, '2023-Fall', 'A', 94);
INSERT INTO enrollment VALUES (14, 7, '2020-Fall', 'C', 65);
INSERT INTO enrollment VALUES (14, 8, '2021-Spring', 'B', 77);
INSERT INTO enrollment VALUES (15, 9, '2021-Fall', 'A', 92);
INSERT INTO enrollment VALUES (15, 10, '2022-Spring', 'A', 90);
INSERT INTO enrollment VALUES (15, 5, '2022-Fall', 'B', 87);
INSERT INTO enrollment VALUES (16, 11, '2023-Fall', 'B', 80);
