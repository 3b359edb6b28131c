namespace Platform.Experiments.TextEntry.Corpus;

/// <summary>
/// The fillers of the synthetic dialogues' slots. Each list has several words per initial letter, so an initials
/// abbreviation alone is ambiguous and the conversation is what tells the fillers apart.
/// </summary>
internal static class DialogueSlots
{
    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["food"] = ["pizza", "pasta", "pancakes", "potatoes", "soup", "salad", "sandwiches", "sushi", "chicken", "curry",
            "cake", "cookies", "tacos", "toast", "rice", "noodles", "burgers", "beans", "eggs", "fish", "fruit", "muffins"],
        ["drink"] = ["tea", "coffee", "cocoa", "juice", "water", "wine", "milk", "lemonade", "soda", "beer"],
        ["place"] = ["park", "pool", "beach", "bakery", "library", "lake", "market", "museum", "cinema", "cafe",
            "garden", "gym", "hospital", "hotel", "station", "store", "church", "clinic"],
        ["person"] = ["mom", "dad", "my sister", "my brother", "the nurse", "the doctor", "grandma", "grandpa",
            "my friend", "the neighbors", "the kids", "my son", "my daughter", "the teacher"],
        ["activity"] = ["walk", "swim", "nap", "bath", "break", "shower", "movie", "game", "meeting", "trip"],
        ["feeling"] = ["tired", "thirsty", "hungry", "happy", "sad", "sleepy", "sore", "cold", "hot", "bored",
            "better", "busy", "great", "grumpy"],
        ["thing"] = ["phone", "pillow", "blanket", "book", "glasses", "keys", "remote", "radio", "laptop", "letter",
            "charger", "camera", "coat", "cup", "towel", "tablet"],
        ["day"] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "tonight",
            "today"],
        ["hour"] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        ["room"] = ["bedroom", "bathroom", "kitchen", "living room", "hallway", "garage", "basement", "porch"],
        ["show"] = ["news", "game show", "movie", "football", "baseball", "cooking show", "weather", "cartoons"],
    };
}
