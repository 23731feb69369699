"""Cues for English and American text of the 18th to 20th centuries (newspapers, letters, books).

Data only, like `name_rules`: common given names and the abbreviations clerks and printers used
for them, the abbreviated states written after a town, the heads of place and organisation names
as that English writes them. Each list was written from general knowledge of the period's usage;
none was drawn from a benchmark.
"""

from __future__ import annotations

import re

# Common given names of the period (English and American; the Russian ones are in `name_rules`).
# Left out: names that are also common words or places ("Will", "Grace", "Rose", "May", "Florence",
# "Virginia", "Charlotte", "Temperance", "Jim" of "Jim Crow"), which would turn a capitalised word or
# a place into a person.
GIVEN_NAMES = frozenset(
    # men
    "Fred Clarence Joe Charlie Willie Carl Sam Earl Elmer Herman Claude Ben Raymond Harvey "
    "Clyde Edwin Allen Otto Leonard Lawrence Nathan Leo Leroy Floyd Horace Ira Christopher "
    "Milton Luther Bert Alvin Ed Dan Jerry Adam Anthony Matthew Hiram Elijah Levi Amos Reuben "
    "Silas Ezra Eli Calvin Wesley Everett Lester Cecil Glenn Russell Vernon Kenneth Stanley Wilbur "
    "Orville Clifford Morris Irving Gilbert Jasper Rufus Moses Aaron Gideon Josiah Ephraim Jeremiah Zachariah "
    "Caleb Thaddeus Ambrose Cornelius Jonas Lemuel Elisha Abner Archibald Alonzo Augustus Cyrus Enoch Erastus "
    "Horatio Lucius Nelson Oliver Sylvester Virgil Wallace Benedict Bartholomew Edmund Elias Ebenezer "
    "Gabriel Gustav Gustave Hezekiah Ichabod Jedediah Jethro Josephus Julius Lorenzo Marcus Mordecai Obadiah "
    "Phineas Randolph Roger Rudolph Seth Tobias Ulysses Zebulon Abel Alphonse Anton Antoine Baptiste "
    "Bernard Clement Conrad Dennis Dominic Emil Felix Ferdinand Franz Friedrich Giovanni Giuseppe Gregory "
    "Heinrich Hans Hermann Ignatius Jean Johann Laurence Ludwig Luigi Manuel Maurice Nicholas "
    "Pierre Pietro Rupert Sebastian Terence Vincent Wilhelm Wilfred Wilfrid Winfield Wiley Zachary "
    "Percy Reginald Cuthbert Basil Bertram Cyril Egbert Lionel Montague Sidney Victor Gerald Leslie Duncan Angus "
    "Alistair Malcolm Neil Hector Roderick "
    # women
    "Minnie Ida Bertha Annie Clara Ella Cora Laura Nellie Carrie Maude Maud Mabel Bessie Jennie "
    "Gertrude Julia Hattie Edith Lillian Ada Lillie Jessie Louise Ethel Lula Myrtle Frances Lena "
    "Edna Maggie Fannie Josephine Dora Rosa Katherine Kathryn Agnes Marie Nora Mamie Blanche Stella Ellen "
    "Effie Sallie Nettie Della Lizzie Susie Mae Etta Harriet Sadie Katie Lydia Elsie Kate Mollie Addie "
    "Eliza Lulu Nannie Lottie Amanda Rebecca Ruth Viola Amelia Hannah Dorothy Mildred Esther Irene Eleanor "
    "Evelyn Marjorie Doris Beatrice Lois Vivian Betty Phyllis Abigail Deborah Dorcas Eunice Lucretia "
    "Mehitable Rachel Sophia Sophie Susanna Susannah Theodosia Priscilla Jemima Keziah "
    "Louisa Matilda Isabella Isabel Henrietta Wilhelmina Emily Emilie Harriett Marian Marianne Janet "
    "Joan Judith Leah Naomi Rhoda Sybil Winifred Anne Polly Peggy Molly Dolly Sally Kitty Betsey Betsy".split()
)

# Given names as clerks and printers abbreviated them: "Jos. Story", "Wm. Penn", "Chas. Smith".
GIVEN_ABBREVIATIONS = ("Wm", "Chas", "Thos", "Geo", "Jas", "Jos", "Jno", "Benj", "Saml", "Robt", "Richd", "Edw",
                       "Danl", "Nathl", "Alexr", "Fredk", "Hy")

# Words that write a person's standing after the name, not a name: "John Adams, Esq.".
NAME_SUFFIXES = frozenset("Esq Esqs Esquire".split())

# The states of the United States as newspapers and letters abbreviated them after a town
# ("Memphis, Tenn."), as regular expressions; "Miss." and "O." are left out (a title, an initial).
US_STATE_ABBREVIATIONS = tuple(
    re.escape(a).replace(r"\ ", r"\s?") for a in (
        "Ala.", "Ariz.", "Ark.", "Cal.", "Calif.", "Colo.", "Conn.", "Dak.", "D. C.", "D.C.", "Del.", "Fla.", "Ga.",
        "Ida.", "Ill.", "Ind.", "Ia.", "Kan.", "Kans.", "Ky.", "La.", "Md.", "Me.", "Mass.", "Mich.", "Minn.", "Mo.",
        "Mont.", "Neb.", "Nebr.", "Nev.", "N. H.", "N. J.", "N. M.", "N. Y.", "N. C.", "N. D.", "Okla.", "Ore.",
        "Pa.", "Penn.", "R. I.", "S. C.", "S. D.", "Tenn.", "Tex.", "Vt.", "Va.", "W. Va.", "Wash.", "Wis.",
        "Wyo.", "Ter.",
    )
)

# Last words that make a phrase a place in English ("Atlantic City", "Sutter Creek"; "Street" is in
# `name_rules`; not "Lane", "Pike" or "Parish", which are surnames too), first words that do
# ("Fort Wayne", "Lake Erie", "Cape Horn"), and the words that make "X of Y" a place ("the State of
# Ohio", "the County of Kent").
PLACE_HEADS = frozenset("City Town Township Village Borough Creek Falls Springs Harbor Harbour Drive Boulevard "
                        "Turnpike Heights".split())
PLACE_FIRST = frozenset("Fort Lake Mount Mt Cape Port Isle".split())
PLACE_OF = frozenset("State County City Town Territory Province Kingdom Principality Duchy Island Isle District "
                     "Commonwealth Republic".split())
# Endings of English and American town names ("Louisville", "Youngstown", "Pittsburgh", "Indianapolis").
PLACE_SHAPES = ("ville", "town", "boro", "borough", "burgh", "polis", "mouth")

# Organisation heads that older English often writes small after a proper name: "the Whig party",
# "the Erie railroad", "the Methodist church".
LOWER_ORG_HEADS = frozenset("party church army navy company railroad railway association club college university "
                            "bank legislature".split())
