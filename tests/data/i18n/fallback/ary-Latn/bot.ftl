everywhere = Darija.
