rule "aws-fixture-ebs-encrypted" {
  title       = "EBS volume is not encrypted"
  severity    = "high"
  area        = "data-protection"
  resources   = ["aws_ebs_volume"]
  description = "A rule of the output format tests."
  remediation = "Set `encrypted = true`."
  references  = ["https://example.com/rules/ebs"]

  assert {
    attribute "encrypted" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = "resource \"aws_ebs_volume\" \"a\" {}"
  }

  example "good" {
    code = "resource \"aws_ebs_volume\" \"a\" { encrypted = true }"
  }
}
