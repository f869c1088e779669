//! Questionnaire scoring (being written).
