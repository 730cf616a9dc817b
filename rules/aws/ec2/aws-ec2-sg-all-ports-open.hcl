rule "aws-ec2-sg-all-ports-open" {
  title     = "Security group allows every port or protocol from the whole internet"
  severity  = "critical"
  area      = "configuration-posture"
  resources = ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"]
  aliases   = ["CKV_AWS_277"]
  compliance = {
    "cis-aws-1.4" = ["5.2"]
    "cis-aws-3.0" = ["5.2", "5.3"]
  }

  description = <<-EOT
    An ingress rule from `0.0.0.0/0` or `::/0` with protocol `-1` (all traffic) or the full port
    range 0-65535 exposes every service of every instance in the group: databases, admin consoles,
    debug ports and whatever an attacker can start after a compromise. Critical: it is direct
    public exposure of whatever listens. Security groups are the customer's firewall under the
    shared responsibility model: AWS enforces exactly the rules written. The rule covers inline
    `ingress` blocks, `aws_security_group_rule` of `type = "ingress"` and
    `aws_vpc_security_group_ingress_rule`.
  EOT
  remediation = "Open only the ports the service needs (for example TCP 443), and only to the address ranges or security groups that must reach it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/security_group",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ]

  assert {
    none "ingress" {
      any {
        attribute "protocol" {
          one_of = ["-1", "all"]
        }
        all {
          attribute "from_port" {
            lte = 0
          }
          attribute "to_port" {
            gte = 65535
          }
        }
      }
      any {
        attribute "cidr_blocks" {
          contains = "0.0.0.0/0"
        }
        attribute "ipv6_cidr_blocks" {
          contains = "::/0"
        }
      }
    }
    not {
      attribute "type" {
        equals = "ingress"
      }
      any {
        attribute "protocol" {
          one_of = ["-1", "all"]
        }
        all {
          attribute "from_port" {
            lte = 0
          }
          attribute "to_port" {
            gte = 65535
          }
        }
      }
      any {
        attribute "cidr_blocks" {
          contains = "0.0.0.0/0"
        }
        attribute "ipv6_cidr_blocks" {
          contains = "::/0"
        }
      }
    }
    not {
      attribute "ip_protocol" {
        one_of = ["-1", "all"]
      }
      any {
        attribute "cidr_ipv4" {
          equals = "0.0.0.0/0"
        }
        attribute "cidr_ipv6" {
          equals = "::/0"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group" "open" {
        name   = "open"
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["0.0.0.0/0"]  # expect: aws-ec2-sg-all-ports-open
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group_rule" "open" {
        type              = "ingress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 0
        to_port           = 65535
        protocol          = "tcp"
        ipv6_cidr_blocks  = ["::/0"]  # expect: aws-ec2-sg-all-ports-open
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_vpc_security_group_ingress_rule" "open" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "0.0.0.0/0"  # expect: aws-ec2-sg-all-ports-open
        ip_protocol       = "-1"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_security_group" "web" {
        name   = "web"
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }

        ingress {
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["10.0.0.0/8"]
        }

        egress {
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["0.0.0.0/0"]
        }
      }

      resource "aws_security_group_rule" "out" {
        type              = "egress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 0
        to_port           = 0
        protocol          = "-1"
        cidr_blocks       = ["0.0.0.0/0"]
      }

      resource "aws_vpc_security_group_ingress_rule" "https" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "0.0.0.0/0"
        ip_protocol       = "tcp"
        from_port         = 443
        to_port           = 443
      }
    EOT
  }
}
