//! Exact money: parsing typed and stored amounts, rounding, formatting, JSON round trips.
use keyplan::domain::money::{div_round_half_away, AmountError, Currency, Money};
use proptest::prelude::*;

fn minor(text: &str) -> i128 {
    Money::parse_decimal(text).unwrap().minor()
}

#[test]
fn decimals_are_read_exactly() {
    assert_eq!(minor("0"), 0);
    assert_eq!(minor("1250000"), 125_000_000);
    assert_eq!(minor("1250000.5"), 125_000_050);
    assert_eq!(minor("1250000.57"), 125_000_057);
    assert_eq!(minor("0.01"), 1);
    assert_eq!(minor("1.230"), 123);
    assert_eq!(minor("1.5e6"), 150_000_000);
    assert_eq!(minor("125E+4"), 125_000_000);
    assert_eq!(minor("12345e-2"), 12_345);
    assert_eq!(minor("-0"), 0);
    assert_eq!(minor("999999999999.99"), 99_999_999_999_999);
}

#[test]
fn bad_decimals_name_the_problem() {
    assert_eq!(Money::parse_decimal(""), Err(AmountError::Empty));
    assert_eq!(Money::parse_decimal("  "), Err(AmountError::Empty));
    assert_eq!(
        Money::parse_decimal("1.005"),
        Err(AmountError::TooManyDecimals)
    );
    assert_eq!(
        Money::parse_decimal("0.001"),
        Err(AmountError::TooManyDecimals)
    );
    assert_eq!(
        Money::parse_decimal("1e-3"),
        Err(AmountError::TooManyDecimals)
    );
    assert_eq!(Money::parse_decimal("-5"), Err(AmountError::Negative));
    assert_eq!(
        Money::parse_decimal("1000000000000"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(Money::parse_decimal("1e400"), Err(AmountError::TooLarge));
    for bad in [
        "abc", "1.2.3", "1,000", ".5", "5.", "--5", "1e", "0x10", "NaN", "1 000",
    ] {
        assert_eq!(
            Money::parse_decimal(bad),
            Err(AmountError::NotANumber(bad.to_string())),
            "{bad}"
        );
    }
}

#[test]
fn typed_amounts_accept_what_people_write() {
    let typed = |t: &str| Money::parse_input(t).unwrap().minor();
    assert_eq!(typed("1,250,000.00"), 125_000_000);
    assert_eq!(typed("¥1,250,000"), 125_000_000);
    assert_eq!(typed("￥ 880 000"), 88_000_000);
    assert_eq!(typed("88万"), 88_000_000);
    assert_eq!(typed("1.2345万"), 1_234_500);
    assert_eq!(typed("1.5亿"), 15_000_000_000);
    assert_eq!(typed("１２３．４５"), 12_345);
    assert_eq!(typed("１，０００"), 100_000);
    assert_eq!(Money::parse_input("-5"), Err(AmountError::Negative));
    assert_eq!(
        Money::parse_input("1.2345678万"),
        Err(AmountError::TooManyDecimals)
    );
    assert_eq!(
        Money::parse_input("万"),
        Err(AmountError::NotANumber("万".into()))
    );
    assert_eq!(
        Money::parse_input("1e5"),
        Err(AmountError::NotANumber("1e5".into()))
    );
    assert_eq!(
        Money::parse_input("abc"),
        Err(AmountError::NotANumber("abc".into()))
    );
    assert_eq!(Money::parse_input(""), Err(AmountError::Empty));
}

#[test]
fn typed_amounts_may_end_in_yuan() {
    let typed = |t: &str| Money::parse_input(t).unwrap().minor();
    assert_eq!(typed("88万元"), 88_000_000);
    assert_eq!(typed("880000元"), 88_000_000);
    assert_eq!(typed("¥880,000.50 元"), 88_000_050);
    assert_eq!(typed("1.5 亿元"), 15_000_000_000);
    assert_eq!(
        Money::parse_input("元"),
        Err(AmountError::NotANumber("元".into()))
    );
}

#[test]
fn thousands_separators_only_where_they_belong() {
    let typed = |t: &str| Money::parse_input(t).unwrap().minor();
    assert_eq!(typed("1,250,000.50"), 125_000_050);
    assert_eq!(typed("1 250 000"), 125_000_000);
    assert_eq!(typed("12,345万"), 12_345_000_000);
    for bad in [
        "1,5",
        ",5",
        "12,34",
        "1,2345",
        "1,000.5,0",
        "1,,000",
        "1000,",
        "0.5,5",
    ] {
        assert_eq!(
            Money::parse_input(bad),
            Err(AmountError::NotANumber(bad.into())),
            "{bad}"
        );
    }
}

#[test]
fn formatting_groups_thousands_and_keeps_cents() {
    let cny = Currency::cny();
    assert_eq!(Money::from_minor(125_000_000).format(&cny), "¥1,250,000.00");
    assert_eq!(Money::from_minor(5).format(&cny), "¥0.05");
    assert_eq!(Money::from_minor(100_000).format(&cny), "¥1,000.00");
    assert_eq!(Money::from_minor(99_999).format(&cny), "¥999.99");
    assert_eq!(Money::from_minor(-123_456).format(&cny), "-¥1,234.56");
    assert_eq!(Money::ZERO.format(&cny), "¥0.00");
    let usd = Currency::parse("USD").unwrap();
    assert_eq!(Money::from_major(42).format(&usd), "$42.00");
    let chf = Currency::parse("CHF").unwrap();
    assert_eq!(Money::from_major(42).format(&chf), "CHF42.00");
    assert_eq!(Currency::parse("cny"), None);
    assert_eq!(Currency::parse("YUAN"), None);
}

#[test]
fn percent_rounds_half_away_from_zero_once() {
    assert_eq!(Money::from_minor(1).percent(50).minor(), 1); // 0.5 → 1
    assert_eq!(Money::from_minor(1).percent(49).minor(), 0);
    assert_eq!(Money::from_minor(3).percent(25).minor(), 1); // 0.75 → 1
    assert_eq!(Money::from_minor(2).percent(25).minor(), 1); // 0.5 → 1
    assert_eq!(Money::from_minor(-2).percent(25).minor(), -1); // -0.5 → -1
    assert_eq!(
        Money::from_major(1_250_000).percent(75),
        Money::from_major(937_500)
    );
    assert_eq!(div_round_half_away(-7, 2), -4);
    assert_eq!(div_round_half_away(7, 2), 4);
    assert_eq!(div_round_half_away(6, 4), 2);
    assert_eq!(div_round_half_away(5, 4), 1);
}

#[test]
fn json_numbers_round_trip_exactly() {
    let m = Money::from_minor(125_000_057);
    assert_eq!(serde_json::to_string(&m).unwrap(), "1250000.57");
    assert_eq!(
        serde_json::to_string(&Money::from_minor(50)).unwrap(),
        "0.5"
    );
    assert_eq!(Money::parse_decimal("1250000.57"), Ok(m));
}

proptest! {
    #[test]
    fn decimal_text_round_trips(minor in 0i128..=99_999_999_999_999) {
        let m = Money::from_minor(minor);
        prop_assert_eq!(Money::parse_decimal(&m.to_decimal_string()), Ok(m));
        let json = serde_json::to_string(&m).unwrap();
        prop_assert_eq!(Money::parse_decimal(&json), Ok(m));
    }

    #[test]
    fn formatted_text_parses_back(minor in 0i128..=99_999_999_999_999) {
        let m = Money::from_minor(minor);
        prop_assert_eq!(Money::parse_input(&m.format(&Currency::cny())), Ok(m));
    }

    #[test]
    fn percent_is_within_half_a_cent(minor in 0i128..=99_999_999_999_999, p in 0u8..=100) {
        let exact_times_100 = minor * i128::from(p);
        let rounded = Money::from_minor(minor).percent(p).minor();
        prop_assert!((rounded * 100 - exact_times_100).abs() <= 50);
        prop_assert!(rounded <= minor);
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(text in "\\PC{0,40}") {
        let _ = Money::parse_decimal(&text);
        let _ = Money::parse_input(&text);
    }
}

#[test]
fn absurd_exponents_are_errors_not_overflows() {
    assert_eq!(
        Money::parse_decimal("1e2147483647"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(
        Money::parse_decimal("1e9223372036854775807"),
        Err(AmountError::TooLarge)
    );
    assert_eq!(
        Money::parse_decimal("1e-9223372036854775808"),
        Err(AmountError::TooManyDecimals)
    );
    assert_eq!(Money::parse_decimal("0e99999"), Ok(Money::ZERO));
}

/// The quick reader of plain amounts (files and CSV, issue 12) reads what the general readers
/// read, and leaves the rest to them.
#[test]
fn plain_amounts_read_as_the_general_readers_read_them() {
    for text in [
        "0",
        "1",
        "007",
        "1250000",
        "1250000.5",
        "1250000.50",
        "999999999999.99",
    ] {
        let money = Money::parse_plain(text).unwrap_or_else(|| panic!("{text:?}"));
        assert_eq!(Ok(money), Money::parse_decimal(text), "{text:?}");
        assert_eq!(Ok(money), Money::parse_input(text), "{text:?}");
    }
    for text in [
        "1000000000000",
        "999999999999999",
        "9999999999999999",
        "1.",
        ".5",
        "1.234",
        "1.2.3",
        "-1",
        "+1",
        "1e3",
        "1,250",
        " 1",
        "1 ",
        "",
        "١٢",
        "1.a",
        "a.1",
    ] {
        assert_eq!(Money::parse_plain(text), None, "{text:?}");
    }
}

proptest! {
    #[test]
    fn generated_plain_amounts_read_as_decimals(major in 0u64..10_000_000_000_000_000, cents in proptest::option::of(0u8..100), two in any::<bool>()) {
        let text = match cents {
            Some(c) if two => format!("{major}.{c:02}"),
            Some(c) => format!("{major}.{}", c % 10),
            None => format!("{major}"),
        };
        match Money::parse_plain(&text) {
            Some(money) => prop_assert_eq!(Ok(money), Money::parse_decimal(&text)),
            None => prop_assert_eq!(Money::parse_decimal(&text), Err(AmountError::TooLarge)),
        }
    }
}
