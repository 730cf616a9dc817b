rule "aws-fixture-open-ingress" {
  title     = "Security group admits \"0.0.0.0/0\" & other <any> sources: 100% reachable"
  severity  = "critical"
  area      = "configuration-posture"
  resources = ["aws_security_group"]
  aliases   = ["FIXTURE_1"]

  description = <<-EOT
    A rule of the output format tests. Its title holds characters every format must escape:
    quotes, an ampersand, angle brackets, a percent sign, a colon and a comma.

    A second paragraph, wrapped over
    two lines.
  EOT
  remediation = "Allow only known ranges in `cidr_blocks` | never \"0.0.0.0/0\"."
  references  = ["https://example.com/rules/open-ingress?a=1&b=2"]

  assert {
    none "ingress" {
      attribute "cidr_blocks" {
        contains = "0.0.0.0/0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group" "a" {
        ingress {
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_security_group" "a" {}
    EOT
  }
}
