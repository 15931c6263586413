everywhere = Français.
in-fr = Français seulement.
