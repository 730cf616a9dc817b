rule "aws-vpc-nacl-admin-ports-open" {
  title     = "Network ACL allows SSH or RDP from the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_network_acl", "aws_network_acl_rule", "aws_default_network_acl"]
  aliases   = ["CKV_AWS_231", "CKV_AWS_232", "AVD-AWS-0105", "aws-ec2-no-public-ingress-acl"]

  description = <<-EOT
    A network ACL is the subnet-level layer of defence behind security groups. An inbound allow
    entry from `0.0.0.0/0` or `::/0` that covers TCP 22 (SSH) or 3389 (RDP), directly, through a
    port range or with protocol `-1`/all, leaves only the security groups between the internet and
    the remote-administration services of every host in the subnet. Network ACLs are customer
    configuration under the shared responsibility model. High: it is the second of two layers
    guarding administrative access. Onus asks about the administrative ports rather than any
    public ingress, since a public subnet's ACL must admit web traffic from everywhere.
  EOT
  remediation = "Allow SSH and RDP in the ACL only from administrative address ranges (a VPN or bastion subnet), or not at all when Session Manager is used."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/network_acl_rule",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html",
  ]
  compliance = {
    "cis-aws-1.4" = ["5.1"]
    "cis-aws-3.0" = ["5.1"]
  }

  assert {
    builtin "network-no-public-ingress" {
      port = 22
    }
    builtin "network-no-public-ingress" {
      port = 3389
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_network_acl_rule" "ssh" {
        network_acl_id = "acl-0123456789abcdef0"
        rule_number    = 100
        egress         = false
        protocol       = "tcp"
        rule_action    = "allow"
        cidr_block     = "0.0.0.0/0"  # expect: aws-vpc-nacl-admin-ports-open
        from_port      = 22
        to_port        = 22
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_network_acl" "public" {
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          rule_no    = 100
          protocol   = "-1"
          action     = "allow"
          cidr_block = "0.0.0.0/0"  # expect: aws-vpc-nacl-admin-ports-open
          from_port  = 0
          to_port    = 0
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

        ingress {
          rule_no    = 110
          protocol   = "tcp"
          action     = "allow"
          cidr_block = "10.10.0.0/16"
          from_port  = 22
          to_port    = 22
        }
      }

      resource "aws_network_acl_rule" "deny_rdp" {
        network_acl_id = "acl-0123456789abcdef0"
        rule_number    = 90
        egress         = false
        protocol       = "tcp"
        rule_action    = "deny"
        cidr_block     = "0.0.0.0/0"
        from_port      = 3389
        to_port        = 3389
      }
    EOT
  }
}
