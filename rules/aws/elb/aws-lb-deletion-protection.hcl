rule "aws-lb-deletion-protection" {
  title     = "Load balancer can be deleted without first disabling deletion protection"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_lb", "aws_alb"]
  aliases   = ["CKV_AWS_150"]

  description = <<-EOT
    A production load balancer deleted by a mistaken `terraform destroy`, a refactoring that
    renames the resource, or a compromised automation role takes the service offline and frees its
    DNS name. `enable_deletion_protection = true` makes the API refuse the deletion until the flag
    is cleared. It defaults to `false`. Availability safeguards are customer configuration under
    the shared responsibility model. Low: it protects availability, not data.
  EOT
  remediation = "Set `enable_deletion_protection = true` on production load balancers."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lb#enable_deletion_protection",
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection",
  ]

  assert {
    attribute "enable_deletion_protection" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name                       = "web"
        subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        enable_deletion_protection = false  # expect: aws-lb-deletion-protection
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_lb" "web" {
        name                       = "web"
        subnets                    = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        enable_deletion_protection = true
      }
    EOT
  }
}
