rule "aws-ec2-default-security-group-restrict" {
  title     = "Default security group of the VPC allows traffic"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_default_security_group"]
  aliases   = ["CKV2_AWS_12", "AVD-AWS-0173", "aws-ec2-restrict-all-in-default-sg"]
  compliance = {
    "cis-aws-1.4" = ["5.3"]
    "cis-aws-3.0" = ["5.4"]
  }

  description = <<-EOT
    Every VPC has a default security group that resources join when no other group is given: an
    instance, ENI or endpoint launched without an explicit group lands in it and gets whatever it
    allows (by default, all traffic from other members and all outbound traffic). Keeping the
    default group empty forces every resource onto a deliberately designed group. Security groups
    are the customer's firewall under the shared responsibility model. Managing the group with
    `aws_default_security_group` and no `ingress` or `egress` rules removes all of its rules.
    The rule can only check default groups managed in the configuration.
  EOT
  remediation = "Declare `aws_default_security_group` for the VPC with no `ingress` and no `egress` blocks, and give every resource its own security group."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/default_security_group",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/default-custom-security-groups.html",
  ]

  assert {
    # `protocol` is required in every ingress/egress rule, so these select each rule.
    none "ingress" {
      attribute "protocol" {
        present = true
      }
    }
    none "egress" {
      attribute "protocol" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_default_security_group" "default" {
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          protocol  = "-1"  # expect: aws-ec2-default-security-group-restrict
          self      = true
          from_port = 0
          to_port   = 0
        }

        egress {
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_default_security_group" "default" {
        vpc_id = "vpc-0123456789abcdef0"
      }
    EOT
  }
}
