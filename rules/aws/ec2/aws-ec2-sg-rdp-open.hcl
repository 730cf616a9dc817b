rule "aws-ec2-sg-rdp-open" {
  title     = "Security group allows RDP (port 3389) from the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"]
  aliases   = ["CKV_AWS_25", "AVD-AWS-0107", "aws-ec2-no-public-ingress-sgr"]
  compliance = {
    "cis-aws-1.4" = ["5.2"]
    "cis-aws-3.0" = ["5.2", "5.3"]
  }

  description = <<-EOT
    RDP (TCP 3389) is the remote desktop of Windows hosts and one of the most attacked services
    on the internet: password spraying, credential stuffing and remote-code-execution flaws such
    as BlueKeep make an exposed listener a common way in for ransomware.
    An ingress rule from `0.0.0.0/0` or `::/0` that covers port 3389 (directly, through a port range,
    or with protocol `-1`/all) exposes every instance using the security group to that traffic.
    Security groups are the customer's firewall under the shared responsibility model: AWS
    enforces exactly the rules you write.
  EOT
  remediation = "Restrict the source to known address ranges (a VPN or office CIDR, or another security group), or close the port and use AWS Systems Manager Session Manager (with port forwarding) or Fleet Manager for administrative access."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/security-group-rules-reference.html",
  ]

  assert {
    builtin "network-no-public-ingress" {
      port = 3389
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group" "admin" {
        name   = "admin"
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          description = "RDP"
          from_port   = 3389
          to_port     = 3389
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]  # expect: aws-ec2-sg-rdp-open
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group_rule" "admin" {
        type              = "ingress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 0
        to_port           = 65535
        protocol          = "tcp"
        ipv6_cidr_blocks  = ["::/0"]  # expect: aws-ec2-sg-rdp-open
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_vpc_security_group_ingress_rule" "admin" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "0.0.0.0/0"  # expect: aws-ec2-sg-rdp-open
        from_port         = 3389
        to_port           = 3389
        ip_protocol       = "tcp"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_vpc_security_group_ingress_rule" "everything" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "0.0.0.0/0"  # expect: aws-ec2-sg-rdp-open
        ip_protocol       = "-1"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_security_group" "admin" {
        name   = "admin"
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          description = "RDP from the VPN"
          from_port   = 3389
          to_port     = 3389
          protocol    = "tcp"
          cidr_blocks = ["10.20.0.0/16"]
        }

        ingress {
          description = "HTTPS"
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_vpc_security_group_ingress_rule" "admin" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "192.0.2.0/24"
        from_port         = 3389
        to_port           = 3389
        ip_protocol       = "tcp"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # Egress rules are not ingress.
      resource "aws_security_group_rule" "out" {
        type              = "egress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 3389
        to_port           = 3389
        protocol          = "tcp"
        cidr_blocks       = ["0.0.0.0/0"]
      }
    EOT
  }
}
