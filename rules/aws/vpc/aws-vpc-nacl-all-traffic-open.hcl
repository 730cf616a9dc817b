rule "aws-vpc-nacl-all-traffic-open" {
  title     = "Network ACL allows all protocols from the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_network_acl_rule", "aws_network_acl", "aws_default_network_acl"]
  aliases   = ["CKV_AWS_352", "AVD-AWS-0102", "aws-ec2-no-excessive-port-access"]

  description = <<-EOT
    An inbound network ACL entry that allows protocol `-1` (`all`) from `0.0.0.0/0` or `::/0`
    turns the subnet's ACL into no filter at all: every port of every host is left to its security
    groups alone. Subnet ACLs are the customer's network layer under the shared responsibility
    model. High: it removes a layer in front of every service in the subnet. Outbound entries and
    deny entries are not flagged.
  EOT
  remediation = "Replace the allow-all entry with entries for the protocols and ports the subnet serves (for example TCP 443 and the ephemeral return range)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl_rule",
    "https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html",
  ]

  assert {
    none "ingress" {
      attribute "action" {
        equals = "allow"
      }
      attribute "protocol" {
        one_of = ["-1", "all"]
      }
      any {
        attribute "cidr_block" {
          equals = "0.0.0.0/0"
        }
        attribute "ipv6_cidr_block" {
          equals = "::/0"
        }
      }
    }
    not {
      attribute "egress" {
        equals  = false
        default = false
      }
      attribute "rule_action" {
        equals = "allow"
      }
      attribute "protocol" {
        one_of = ["-1", "all"]
      }
      any {
        attribute "cidr_block" {
          equals = "0.0.0.0/0"
        }
        attribute "ipv6_cidr_block" {
          equals = "::/0"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_network_acl_rule" "all" {
        network_acl_id = "acl-0123456789abcdef0"
        rule_number    = 100
        protocol       = "-1"
        rule_action    = "allow"
        cidr_block     = "0.0.0.0/0"  # expect: aws-vpc-nacl-all-traffic-open
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_network_acl" "open" {
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          rule_no         = 100
          protocol        = "all"
          action          = "allow"
          ipv6_cidr_block = "::/0"  # expect: aws-vpc-nacl-all-traffic-open
          from_port       = 0
          to_port         = 0
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_network_acl" "public" {
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          rule_no    = 100
          protocol   = "tcp"
          action     = "allow"
          cidr_block = "0.0.0.0/0"
          from_port  = 443
          to_port    = 443
        }

        egress {
          rule_no    = 100
          protocol   = "-1"
          action     = "allow"
          cidr_block = "0.0.0.0/0"
          from_port  = 0
          to_port    = 0
        }
      }

      resource "aws_network_acl_rule" "out" {
        network_acl_id = "acl-0123456789abcdef0"
        rule_number    = 200
        egress         = true
        protocol       = "-1"
        rule_action    = "allow"
        cidr_block     = "0.0.0.0/0"
      }
    EOT
  }
}
