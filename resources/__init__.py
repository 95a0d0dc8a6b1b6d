"""Icons, Excel templates, translations and sample data, installed as a package."""
