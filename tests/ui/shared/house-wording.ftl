# A house's wording with the slips a house makes: a misspelt message id, a
# message worded twice, and a line that is not Fluent.
status-immediate = For release on receipt
heading-contact = Media enquiries
status-immediate = Release at once
end-mark: ENDS
