/// Eight real Spider dev tasks (concert_singer) and how the scripted model answers them: two right at once, two
/// fixed once SQLite's error text is shown, two fixed only on their second repair after being told their result is
/// wrong, two never fixed.
enum SpiderRepairScript {
    static let tasks = "0,2,4,6,8,10,12,14"

    static var model: ScriptedRepairModel {
        @Sendable func showsError(_ feedback: String) -> Bool { feedback.contains("no such") }
        @Sendable func saysWrongResult(_ feedback: String) -> Bool { feedback.contains("its result is wrong") }
        func progression(_ steps: [String]) -> @Sendable (String, String) -> String? {
            { previous, feedback in
                guard saysWrongResult(feedback), let index = steps.firstIndex(of: previous), index + 1 < steps.count
                else { return nil }
                return steps[index + 1]
            }
        }
        let countries = [
            "SELECT DISTINCT name FROM singer WHERE age  >  20",
            "SELECT DISTINCT country FROM singer WHERE age  >  40",
            "SELECT DISTINCT country FROM singer WHERE age  >  20",
        ]
        let perCountry = [
            "SELECT country ,  count(*) FROM singer",
            "SELECT country ,  count(*) FROM singer GROUP BY name",
            "SELECT country ,  count(*) FROM singer GROUP BY country",
        ]
        return ScriptedRepairModel(scripts: [
            .init(marker: "How many singers do we have?", first: "SELECT count(*) FROM singer") { _, _ in nil },
            .init(
                marker: "Show name, country, age for all singers ordered by age from the oldest",
                first: "SELECT name ,  country ,  age FROM singer ORDER BY age DESC"
            ) { _, _ in nil },
            .init(
                marker: "What is the average, minimum, and maximum age of all singers from France?",
                first: "SELECT avg(age) ,  min(age) ,  max(age) FROM singers WHERE country  =  'France'"
            ) { _, feedback in
                showsError(feedback)
                    ? "SELECT avg(age) ,  min(age) ,  max(age) FROM singer WHERE country  =  'France'" : nil
            },
            .init(
                marker: "Show the name and the release year of the song by the youngest singer.",
                first: "SELECT song_nam ,  song_release_year FROM singer ORDER BY age LIMIT 1"
            ) { _, feedback in
                showsError(feedback) ? "SELECT song_name ,  song_release_year FROM singer ORDER BY age LIMIT 1" : nil
            },
            .init(
                marker: "What are all distinct countries where singers above age 20 are from?", first: countries[0],
                repair: progression(countries)),
            .init(
                marker: "Show all countries and the number of singers in each country.", first: perCountry[0],
                repair: progression(perCountry)),
            .init(
                marker: "List all song names by singers above the average age.",
                first: "SELECT song_name FROM singer WHERE age  >  100"
            ) { _, _ in "SELECT song_name FROM singer WHERE age  >  200" },
            .init(
                marker: "Show location and name for all stadiums with a capacity between 5000 and 10000.",
                first: "SELECT location ,  name FROM stadiums"
            ) { _, _ in "SELECT location ,  name FROM stadiumz" },
        ])
    }
}
