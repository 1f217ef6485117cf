//! Short word lists for the `{{first_name}}`, `{{last_name}}`, `{{name}}` and `{{city}}` placeholders (kept short:
//! they are part of the page's wasm).

pub const FIRST_NAMES: &[&str] = &[
    "Ada", "Amara", "Ana", "Ben", "Chen", "Diego", "Elif", "Emma", "Farah", "Grace", "Hiro", "Ines", "Ivan", "Jamal",
    "Kai", "Lena", "Liam", "Maya", "Mei", "Nia", "Noah", "Olga", "Omar", "Priya", "Rosa", "Sam", "Sofia", "Tariq",
    "Yuki", "Zoe",
];

pub const LAST_NAMES: &[&str] = &[
    "Adeyemi", "Costa", "Dubois", "Garcia", "Hansen", "Ito", "Jensen", "Kim", "Kowalski", "Li", "Martin", "Mensah",
    "Müller", "Nakamura", "Novak", "Okafor", "Patel", "Petrov", "Rossi", "Santos", "Schmidt", "Silva", "Smith",
    "Tanaka", "Nguyen", "Wang", "Yilmaz", "Zhang",
];

pub const CITIES: &[&str] = &[
    "Amsterdam",
    "Austin",
    "Bangalore",
    "Berlin",
    "Bogotá",
    "Cairo",
    "Cape Town",
    "Chicago",
    "Dublin",
    "Jakarta",
    "Lagos",
    "Lima",
    "Lisbon",
    "London",
    "Madrid",
    "Melbourne",
    "Mexico City",
    "Montreal",
    "Mumbai",
    "Nairobi",
    "Osaka",
    "Paris",
    "São Paulo",
    "Seattle",
    "Seoul",
    "Singapore",
    "Stockholm",
    "Sydney",
    "Tokyo",
    "Toronto",
    "Warsaw",
    "Zurich",
];
