rule "aws-inspector-organization-auto-enable" {
  title     = "Amazon Inspector does not scan new member accounts' instances and container images"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_inspector2_organization_configuration"]

  description = <<-EOT
    The delegated Inspector administrator decides which scan types are turned on for accounts
    that join the organization. With `auto_enable { ec2 = false }` or `ecr = false`, new accounts'
    EC2 instances or ECR images are never scanned for known vulnerabilities (CVEs) and exposed
    network paths until someone enables it by hand. Medium: a gap in vulnerability detection
    across accounts. Patching and scanning the workloads is the customer's side of the shared
    responsibility model. Lambda scanning is optional and not required by this rule.
  EOT
  remediation = <<-EOT
    Turn on EC2 and ECR scanning for new accounts:

        resource "aws_inspector2_organization_configuration" "org" {
          auto_enable {
            ec2    = true
            ecr    = true
            lambda = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/inspector2_organization_configuration",
    "https://docs.aws.amazon.com/inspector/latest/user/managing-multiple-accounts.html",
  ]

  assert {
    # `auto_enable` with `ec2` and `ecr` is required.
    attribute "auto_enable.ec2" {
      equals = true
    }
    attribute "auto_enable.ecr" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_inspector2_organization_configuration" "org" {
        auto_enable {
          ec2 = true
          ecr = false  # expect: aws-inspector-organization-auto-enable
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_inspector2_organization_configuration" "org" {
        auto_enable {
          ec2    = true
          ecr    = true
          lambda = true
        }
      }
    EOT
  }
}
