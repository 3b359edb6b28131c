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
            "cake", "cookies", "tacos", "toast", "rice", "noodles", "burgers", "beans", "eggs", "fish", "fruit", "muffins", "waffles", "omelets", "oatmeal", "cereal", "lasagna", "meatballs", "dumplings", "ham", "hot dogs", "grapes", "apples", "bananas", "berries", "peaches", "pears", "carrots", "corn", "crackers", "cheese", "chips", "yogurt", "ice cream", "brownies", "biscuits", "bagels", "stew", "salmon", "shrimp", "spaghetti", "steak"],
        ["drink"] = ["tea", "coffee", "cocoa", "juice", "water", "wine", "milk", "lemonade", "soda", "beer", "hot chocolate", "smoothie", "orange juice", "apple juice", "iced tea", "sparkling water", "broth", "cider", "chai", "espresso"],
        ["place"] = ["park", "pool", "beach", "bakery", "library", "lake", "market", "museum", "cinema", "cafe",
            "garden", "gym", "hospital", "hotel", "station", "store", "church", "clinic", "pharmacy", "post office", "bank", "barber", "bookstore", "butcher", "mall", "movies", "restaurant", "river", "zoo", "farm", "fair", "festival", "dentist", "office", "airport", "harbor"],
        ["person"] = ["mom", "dad", "my sister", "my brother", "the nurse", "the doctor", "grandma", "grandpa",
            "my friend", "the neighbors", "the kids", "my son", "my daughter", "the teacher", "aunt mary", "uncle joe", "the plumber", "the therapist", "my nephew", "my niece", "the mailman", "the pastor", "my cousin", "the caregiver", "my wife", "my husband", "our friends", "the landlord"],
        ["activity"] = ["walk", "swim", "nap", "bath", "break", "shower", "movie", "game", "meeting", "trip", "stretch", "massage", "checkup", "drive", "chat", "lesson", "class", "visit", "party", "picnic", "concert", "therapy session"],
        ["feeling"] = ["tired", "thirsty", "hungry", "happy", "sad", "sleepy", "sore", "cold", "hot", "bored",
            "better", "busy", "great", "grumpy", "dizzy", "nervous", "excited", "worried", "lonely", "sick", "stiff", "restless", "relaxed", "calm", "annoyed", "hopeful", "fine", "weak"],
        ["thing"] = ["phone", "pillow", "blanket", "book", "glasses", "keys", "remote", "radio", "laptop", "letter",
            "charger", "camera", "coat", "cup", "towel", "tablet", "wallet", "watch", "medicine", "magazine", "newspaper", "notebook", "pen", "purse", "scarf", "slippers", "sweater", "hat", "headphones", "hearing aid", "water bottle", "wheelchair", "walker", "cushion", "mirror", "lamp"],
        ["day"] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "tonight",
            "today"],
        ["hour"] = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        ["room"] = ["bedroom", "bathroom", "kitchen", "living room", "hallway", "garage", "basement", "porch", "dining room", "laundry room", "attic", "office", "garden", "patio", "closet", "den"],
        ["show"] = ["news", "game show", "movie", "football", "baseball", "cooking show", "weather", "cartoons", "soap opera", "documentary", "quiz show", "talk show", "basketball", "hockey", "tennis", "golf", "concert", "music show"],
    };
}
