"""QAbstractTableModels fed by SQL pages (fetchMore), one per list screen."""
