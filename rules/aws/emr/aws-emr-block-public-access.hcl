rule "aws-emr-block-public-access" {
  title     = "EMR block public access is switched off for the region"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_emr_block_public_access_configuration"]

  description = <<-EOT
    EMR block public access stops clusters from starting when one of their security groups
    admits traffic from `0.0.0.0/0` or `::/0` on any port not listed as an exception (port 22 by
    default). EMR primary nodes run web consoles (YARN, Spark, Hadoop) without authentication,
    and clusters opened to the internet are a well-known way to lose data and compute to
    attackers. `block_public_security_group_rules = false` turns the guard off for every cluster
    of the account in the region. The setting is the customer's under the shared responsibility
    model. Medium: it removes a guard rather than opening a cluster by itself.
  EOT
  remediation = <<-EOT
    Keep block public access on, with as few exceptions as possible:

        resource "aws_emr_block_public_access_configuration" "main" {
          block_public_security_group_rules = true
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/emr_block_public_access_configuration",
    "https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html",
  ]

  assert {
    attribute "block_public_security_group_rules" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_emr_block_public_access_configuration" "main" {
        block_public_security_group_rules = false  # expect: aws-emr-block-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_emr_block_public_access_configuration" "main" {
        block_public_security_group_rules = true
        permitted_public_security_group_rule_range {
          min_range = 22
          max_range = 22
        }
      }
    EOT
  }
}
