"""Work across stored articles: resolved actors, story events, corroborated claims."""
